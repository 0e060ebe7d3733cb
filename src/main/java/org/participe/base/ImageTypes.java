package org.participe.base;

import java.util.Optional;

/** Recognises an image by its first bytes, never by the name or type the browser claims. */
public final class ImageTypes {

    private ImageTypes() {
    }

    public static Optional<String> detect(byte[] content) {
        if (content == null || content.length < 12) {
            return Optional.empty();
        }
        if ((content[0] & 0xff) == 0x89 && content[1] == 'P' && content[2] == 'N' && content[3] == 'G') {
            return Optional.of("image/png");
        }
        if ((content[0] & 0xff) == 0xFF && (content[1] & 0xff) == 0xD8 && (content[2] & 0xff) == 0xFF) {
            return Optional.of("image/jpeg");
        }
        if (content[0] == 'R' && content[1] == 'I' && content[2] == 'F' && content[3] == 'F'
                && content[8] == 'W' && content[9] == 'E' && content[10] == 'B' && content[11] == 'P') {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }
}
