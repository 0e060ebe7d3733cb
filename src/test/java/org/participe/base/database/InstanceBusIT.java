package org.participe.base.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bus between instances on the real PostgreSQL: the application's own bus is instance A, a
 * second bus on the same database, started by the test, is instance B.
 */
@SpringBootTest
class InstanceBusIT {

    private static final Duration AT_MOST = Duration.ofSeconds(10);

    @Autowired InstanceBus a;
    @Autowired JdbcClient jdbc;
    @Autowired Environment environment;
    @Autowired TransactionTemplate transactions;

    InstanceBus b;
    String channel;
    final List<String> receivedByA = new CopyOnWriteArrayList<>();
    final List<String> receivedByB = new CopyOnWriteArrayList<>();
    final AtomicInteger missedByB = new AtomicInteger();

    @BeforeEach
    void secondInstance() {
        channel = "bus_test_" + Long.toString(System.nanoTime(), 36);
        b = new InstanceBus(jdbc, environment.getProperty("spring.datasource.url"), environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"));
        a.subscribe(channel, receivedByA::add);
        b.subscribe(channel, receivedByB::add);
        b.onPossiblyMissed(missedByB::incrementAndGet);
        b.start();
        await().atMost(AT_MOST).until(() -> a.isListening() && b.isListening());
    }

    @AfterEach
    void stopSecondInstance() {
        b.stop();
    }

    @Test
    void aMessageReachesEveryInstanceOnceAtCommitAndNeverAfterARollback() {
        transactions.executeWithoutResult(status -> {
            a.publish(channel, "{\"ideaId\":1}");
            assertThat(receivedByA).as("not before the commit").isEmpty();
        });
        assertThat(receivedByA).as("the publisher's own subscribers, directly after the commit").containsExactly("{\"ideaId\":1}");
        await().atMost(AT_MOST).until(() -> receivedByB.contains("{\"ideaId\":1}"));

        transactions.executeWithoutResult(status -> {
            a.publish(channel, "rolled back");
            status.setRollbackOnly();
        });
        // B's message leaves after A's echo and the rolled-back one would have: once it is here, they would be too.
        b.publish(channel, "from b");
        await().atMost(AT_MOST).until(() -> receivedByA.contains("from b"));
        assertThat(receivedByA).as("A's own message once, never the rolled-back one").containsExactly("{\"ideaId\":1}", "from b");
        assertThat(receivedByB).containsExactly("{\"ideaId\":1}", "from b");
    }

    @Test
    void aMessageForTheOtherInstancesOnlyIsNotDeliveredToItsPublisher() {
        a.publishToOtherInstances(channel, "42");
        await().atMost(AT_MOST).until(() -> receivedByB.contains("42"));
        b.publish(channel, "43");
        await().atMost(AT_MOST).until(() -> receivedByA.contains("43"));
        assertThat(receivedByA).containsExactly("43");
    }

    @Test
    void theListeningConnectionKilledIsOpenedAgainAndSubscribersAreToldTheyMayHaveMissedMessages() {
        assertThat(missedByB).hasValue(0);
        int killed = jdbc.sql("select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = ?")
                .param("participe-bus-" + b.instanceId()).query(Integer.class).single();
        assertThat(killed).isEqualTo(1);

        await().atMost(AT_MOST).until(() -> missedByB.get() == 1 && b.isListening());
        a.publish(channel, "after the restart");
        await().atMost(AT_MOST).until(() -> receivedByB.contains("after the restart"));
    }

    @Test
    void aPayloadOverPostgresLimitIsRefusedWithAClearMessageAndOneAtTheLimitPasses() {
        String idPrefix = a.instanceId() + ":";
        String atTheLimit = "x".repeat(InstanceBus.MAX_PAYLOAD_BYTES - idPrefix.length());
        assertThatThrownBy(() -> a.publish(channel, atTheLimit + "y"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(channel).hasMessageContaining("8000 bytes").hasMessageContaining("at most 7999");
        // Counted in bytes, not characters: 'é' takes two.
        assertThatThrownBy(() -> a.publish(channel, "é".repeat(4000))).isInstanceOf(IllegalArgumentException.class);

        a.publish(channel, atTheLimit);
        await().atMost(AT_MOST).until(() -> receivedByB.contains(atTheLimit));
        assertThatThrownBy(() -> a.publish("Not a channel;", "1")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Ids of frequent changes (supports, notifications) go to the other instances gathered, a few NOTIFYs for many changes. */
    @Test
    void keysPublishedSoonReachThisInstanceAtCommitAndTheOthersGatheredUnderThePayloadLimit() {
        transactions.executeWithoutResult(status -> {
            a.publishKeysSoon(channel, List.of("rolled"));
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> {
            a.publishKeysSoon(channel, List.of("7"));
            assertThat(receivedByA).as("not before the commit").isEmpty();
        });
        assertThat(receivedByA).as("this instance's pages, directly after the commit").containsExactly("7");

        List<String> many = IntStream.range(0, 300).mapToObj(i -> "k" + i).toList();
        many.forEach(key -> a.publishKeysSoon(channel, List.of(key)));
        List<String> crowd = IntStream.range(0, 5_000).mapToObj(i -> "id" + (1_000_000 + i)).toList();
        a.publishKeysSoon(channel, crowd);

        await().atMost(AT_MOST).until(() -> keys(receivedByB).containsAll(many) && keys(receivedByB).containsAll(crowd));
        assertThat(keys(receivedByB)).as("never the rolled-back change").doesNotContain("rolled").contains("7");
        assertThat(receivedByB.size()).as("gathered: far fewer messages than changes").isLessThan(many.size() / 2);
        assertThat(receivedByB).allSatisfy(payload -> assertThat((a.instanceId() + ":" + payload).getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(InstanceBus.MAX_PAYLOAD_BYTES));
        assertThat(keys(receivedByA)).as("A's own changes once each, never echoed back").hasSize(1 + many.size() + crowd.size());
    }

    private static List<String> keys(List<String> payloads) {
        return payloads.stream().flatMap(payload -> Arrays.stream(payload.split(","))).toList();
    }
}
