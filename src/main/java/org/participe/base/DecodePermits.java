package org.participe.base;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.participe.base.validation.InvalidInputException;

/**
 * Bounds how many photos are decoded at once: a decoded photo takes up to 4 bytes a pixel of heap
 * (160 MB at the 40 megapixel cap) and seconds of CPU, so a burst of uploads must queue rather
 * than exhaust the server. A caller that waits too long is told to try again in a moment.
 */
final class DecodePermits {

    private final Semaphore permits;
    private final Duration patience;

    DecodePermits(int permits, Duration patience) {
        this.permits = new Semaphore(permits, true);
        this.patience = patience;
    }

    <T> T run(Supplier<T> decode) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw InvalidInputException.of("photo", "photo.busy");
        }
        try {
            return decode.get();
        } finally {
            permits.release();
        }
    }
}
