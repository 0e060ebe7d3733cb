package org.participe.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import java.util.Arrays;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.participe.base.validation.InvalidInputException;
import org.participe.test.Images;

/** Decompression bombs are refused from the image's header, before any pixel is decoded. */
class PhotoProcessorBombTest {

    @Test
    void aSmallPngOfTwentyThousandPixelsASideIsRefusedFromItsHeader() throws IOException {
        byte[] bomb = Images.greyPng(20_000, 20_000);
        assertThat(bomb.length).as("a small file").isLessThan(1024 * 1024);

        assertThatThrownBy(() -> PhotoProcessor.process(bomb))
                .isInstanceOfSatisfying(InvalidInputException.class, refusal -> assertThat(refusal.errors().get("photo").messageKey())
                        .as("refused for its announced size, which only the header tells: nothing was decoded")
                        .isEqualTo("idea.photo.too-many-pixels"));
        assertThatThrownBy(() -> PhotoProcessor.checkHeader(bomb)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void oneSideOverTheCapIsRefusedEvenWithFewPixels() throws IOException {
        byte[] ribbon = Images.greyPng(PhotoProcessor.MAX_SIDE + 1, 1);

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

        BufferedImage photo = ImageIO.read(new ByteArrayInputStream(processed.photo()));
        assertThat(photo.getWidth()).isEqualTo(1600);
        assertThat(ImageTypes.detect(processed.thumbnail())).contains("image/jpeg");
    }

    @Test
    void aTruncatedImageIsUnreadableNotAnError() throws IOException {
        byte[] png = Images.greyPng(100, 100);
        byte[] truncated = Arrays.copyOf(png, 40);

        assertThatThrownBy(() -> PhotoProcessor.process(truncated))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        refusal -> assertThat(refusal.errors().get("photo").messageKey()).isEqualTo("idea.photo.unreadable"));
    }
}
