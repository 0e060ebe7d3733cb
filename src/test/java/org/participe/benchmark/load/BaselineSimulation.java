package org.participe.benchmark.load;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import io.gatling.javaapi.core.CoreDsl;
import io.gatling.javaapi.core.Simulation;

/**
 * The baseline the journeys are compared with: the same number of sessions reading one idea by id
 * from the bench endpoint (plain JDBC, no Vaadin), with the same think time. Properties as
 * {@link ParticipeSimulation}, plus {@code load.firstIdea} and {@code load.ideas}.
 */
public class BaselineSimulation extends Simulation {

    {
        long first = Long.getLong("load.firstIdea", 1);
        int ideas = Integer.getInteger("load.ideas", 5_000);
        int think = ParticipeSimulation.THINK;
        var reader = scenario("Baseline").feed(Stream.generate(() -> Map.<String, Object>of("idea", first + ThreadLocalRandom.current().nextInt(ideas)))
                        .iterator())
                .forever().on(CoreDsl.exec(http("bare JDBC idea by id").get("/bench/idea/#{idea}").check(status().is(200))),
                        CoreDsl.pause(Duration.ofMillis(think / 2), Duration.ofMillis(think * 3 / 2)),
                        CoreDsl.feed(Stream.generate(() -> Map.<String, Object>of("idea",
                                first + ThreadLocalRandom.current().nextInt(ideas))).iterator()));
        setUp(reader.injectClosed(rampConcurrentUsers(0).to(ParticipeSimulation.SESSIONS).during(ParticipeSimulation.RAMP),
                constantConcurrentUsers(ParticipeSimulation.SESSIONS).during(ParticipeSimulation.HOLD)))
                .protocols(http.baseUrl(ParticipeSimulation.BASE_URL).shareConnections())
                .maxDuration(Duration.ofSeconds(ParticipeSimulation.RAMP + ParticipeSimulation.HOLD));
    }
}
