package org.participe.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.participe.base.validation.InvalidInputException;

/** Decompression bombs are refused from the image's header, before any pixel is decoded. */
class PhotoProcessorBombTest {

    @Test
    void aSmallPngOfTwentyThousandPixelsASideIsRefusedFromItsHeader() throws IOException {
        byte[] bomb = greyPng(20_000, 20_000);
        assertThat(bomb.length).as("a small file").isLessThan(1024 * 1024);

        assertThatThrownBy(() -> PhotoProcessor.process(bomb))
                .isInstanceOfSatisfying(InvalidInputException.class, refusal -> assertThat(refusal.errors().get("photo").messageKey())
                        .as("refused for its announced size, which only the header tells: nothing was decoded")
                        .isEqualTo("idea.photo.too-many-pixels"));
        assertThatThrownBy(() -> PhotoProcessor.checkHeader(bomb)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void oneSideOverTheCapIsRefusedEvenWithFewPixels() throws IOException {
        byte[] ribbon = greyPng(PhotoProcessor.MAX_SIDE + 1, 1);

        assertThatThrownBy(() -> PhotoProcessor.checkHeader(ribbon))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        refusal -> assertThat(refusal.errors().get("photo").messageKey()).isEqualTo("idea.photo.too-many-pixels"));
    }

    @Test
    void anOrdinaryPhotoIsStillReEncoded() throws IOException {
        BufferedImage image = new BufferedImage(2000, 1000, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);

        PhotoProcessor.Processed processed = PhotoProcessor.process(png.toByteArray());

        BufferedImage photo = ImageIO.read(new java.io.ByteArrayInputStream(processed.photo()));
        assertThat(photo.getWidth()).isEqualTo(1600);
        assertThat(ImageTypes.detect(processed.thumbnail())).contains("image/jpeg");
    }

    @Test
    void aTruncatedImageIsUnreadableNotAnError() throws IOException {
        byte[] png = greyPng(100, 100);
        byte[] truncated = java.util.Arrays.copyOf(png, 40);

        assertThatThrownBy(() -> PhotoProcessor.process(truncated))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        refusal -> assertThat(refusal.errors().get("photo").messageKey()).isEqualTo("idea.photo.unreadable"));
    }

    /** A valid 8-bit greyscale PNG, all black: its zero rows deflate to almost nothing. */
    static byte[] greyPng(int width, int height) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream ihdr = new DataOutputStream(header);
        ihdr.writeInt(width);
        ihdr.writeInt(height);
        ihdr.write(new byte[] {8, 0, 0, 0, 0});
        chunk(file, "IHDR", header.toByteArray());
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(compressed)) {
            byte[] row = new byte[width + 1];
            for (int y = 0; y < height; y++) {
                deflater.write(row);
            }
        }
        chunk(file, "IDAT", compressed.toByteArray());
        chunk(file, "IEND", new byte[0]);
        return file.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream file, String type, byte[] data) throws IOException {
        DataOutputStream out = new DataOutputStream(file);
        out.writeInt(data.length);
        byte[] typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.write(typeBytes);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
