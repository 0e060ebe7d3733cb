package org.participe.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ExpiringTest {

    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void theValueIsReadOnceWhileItLivesAndAgainOnceForgotten() {
        Expiring<Integer> value = new Expiring<>(Duration.ofHours(1), reads::incrementAndGet);
        assertThat(value.get()).isEqualTo(1);
        assertThat(value.get()).isEqualTo(1);
        value.forget();
        assertThat(value.get()).isEqualTo(2);
        assertThat(reads).hasValue(2);
    }

    @Test
    void anExpiredValueIsReadAgain() {
        Expiring<Integer> value = new Expiring<>(Duration.ZERO, reads::incrementAndGet);
        assertThat(value.get()).isEqualTo(1);
        assertThat(value.get()).isEqualTo(2);
    }

    @Test
    void aValueReadWhileAChangeIsUnderWayIsNotKept() {
        Expiring<Integer>[] holder = new Expiring[1];
        holder[0] = new Expiring<>(Duration.ofHours(1), () -> {
            int read = reads.incrementAndGet();
            if (read == 1) {
                holder[0].forget(); // a change lands while the first read is running
            }
            return read;
        });
        assertThat(holder[0].get()).isEqualTo(1);
        assertThat(holder[0].get()).isEqualTo(2);
        assertThat(holder[0].get()).isEqualTo(2);
    }
}
