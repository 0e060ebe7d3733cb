package org.participe.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ImageTypesTest {

    private static byte[] padded(int... start) {
        byte[] bytes = new byte[32];
        for (int i = 0; i < start.length; i++) {
            bytes[i] = (byte) start[i];
        }
        return bytes;
    }

    @Test
    void recognisesImagesByTheirContent() {
        assertThat(ImageTypes.detect(padded(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A))).contains("image/png");
        assertThat(ImageTypes.detect(padded(0xFF, 0xD8, 0xFF, 0xE0))).contains("image/jpeg");
        assertThat(ImageTypes.detect(padded('R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P'))).contains("image/webp");
    }

    @Test
    void refusesAnythingElseWhateverItsName() {
        assertThat(ImageTypes.detect("<svg onload=alert(1)></svg>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(ImageTypes.detect("GIF89a....................".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(ImageTypes.detect(new byte[3])).isEmpty();
        assertThat(ImageTypes.detect(null)).isEmpty();
        byte[] zeros = new byte[64];
        Arrays.fill(zeros, (byte) 0);
        assertThat(ImageTypes.detect(zeros)).isEmpty();
    }
}
