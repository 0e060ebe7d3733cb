package org.participe.ideas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.participe.test.Security.anonymously;
import static org.participe.test.Security.as;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.TestData;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Support sets a state, it does not toggle: the same request twice, even at once, supports once. */
@SpringBootTest
class SupportStateIT {

    @Autowired IdeaService ideas;
    @Autowired TownService town;
    @Autowired TestData data;

    @Test
    void twoSessionsSupportingAtOnceLeaveThePersonSupportingOnce() throws Exception {
        data.ensureTown();
        ParticipeUser author = data.confirmedAccount("state-author", Roles.RESIDENT);
        ParticipeUser fan = data.confirmedAccount("two-sessions", Roles.RESIDENT);
        long category = anonymously(() -> town.activeCategories()).getFirst().id();
        long id = as(author, () -> ideas.propose(new IdeaDraft("Une fontaine sur la place", "Une description assez longue pour être acceptée.",
                category, null, null)));
        for (int round = 0; round < 5; round++) {
            as(fan, () -> ideas.withdrawSupport(id));
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService sessions = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> clicks = new ArrayList<>();
                for (int session = 0; session < 2; session++) {
                    clicks.add(sessions.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return as(fan, () -> ideas.support(id));
                    }));
                }
                start.countDown();
                for (Future<Integer> click : clicks) {
                    assertThat(click.get(30, TimeUnit.SECONDS)).as("each click answers the count, with the person's support").isEqualTo(1);
                }
            } finally {
                sessions.shutdownNow();
            }
            assertThat(as(fan, () -> ideas.detail(id)).orElseThrow().supportedByMe()).isTrue();
            assertThat(anonymously(() -> ideas.supportCount(id))).isEqualTo(1);
        }
    }
}
