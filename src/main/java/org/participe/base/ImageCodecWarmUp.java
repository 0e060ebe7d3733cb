package org.participe.base;

import javax.imageio.ImageIO;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads the image codecs once the application is up, in the background, so that the first
 * resident to upload a photo does not wait for the codec registry to scan the classpath.
 */
@Component
class ImageCodecWarmUp {

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        Thread.ofVirtual().name("image-codec-warm-up").start(() -> {
            ImageIO.scanForPlugins();
            ImageIO.getReaderFormatNames();
        });
    }
}
