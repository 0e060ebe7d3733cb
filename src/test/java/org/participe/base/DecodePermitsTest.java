package org.participe.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.participe.base.validation.InvalidInputException;

/** At most as many decodes as permits run at once; a caller that cannot get one in time is told to try again. */
class DecodePermitsTest {

    @Test
    void aThirdDecodeWaitsForAPermitThenIsToldToTryAgain() throws Exception {
        DecodePermits permits = new DecodePermits(2, Duration.ofMillis(50));
        CountDownLatch bothRunning = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            var first = CompletableFuture.supplyAsync(() -> permits.run(() -> hold(bothRunning, release)), pool);
            var second = CompletableFuture.supplyAsync(() -> permits.run(() -> hold(bothRunning, release)), pool);
            assertThat(bothRunning.await(10, TimeUnit.SECONDS)).as("two decodes run together").isTrue();

            assertThatThrownBy(() -> permits.run(() -> "third"))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            refusal -> assertThat(refusal.errors().get("photo").messageKey()).isEqualTo("photo.busy"));

            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("done");
            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("done");
            assertThat(permits.run(() -> "after")).as("permits are given back").isEqualTo("after");
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedDecodeGivesItsPermitBack() {
        DecodePermits permits = new DecodePermits(1, Duration.ofMillis(50));

        assertThatThrownBy(() -> permits.run(() -> {
            throw new IllegalStateException("broken image");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(permits.run(() -> "next")).isEqualTo("next");
    }

    private static String hold(CountDownLatch running, CountDownLatch release) {
        running.countDown();
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "done";
    }
}
