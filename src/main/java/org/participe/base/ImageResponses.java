package org.participe.base;

import java.time.Duration;
import java.util.Optional;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A stored JPEG as an HTTP response (privately cacheable a few minutes), or 404. */
public final class ImageResponses {

    private ImageResponses() {
    }

    public static ResponseEntity<byte[]> jpeg(Optional<byte[]> image) {
        return image.map(bytes -> ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG)
                        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate()).body(bytes))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
