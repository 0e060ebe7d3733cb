package org.participe.base;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.participe.base.validation.InvalidInputException;

/**
 * Turns an uploaded photo (JPEG, PNG or WebP, recognised by its content) into what we store for
 * idea photos, initiative covers and update images: the photo re-encoded as JPEG at most 1600 px
 * wide, which drops its metadata (a phone's GPS position among them), and a 480 px thumbnail.
 * <p>
 * A small file can hold a huge image (a 389 KB PNG of 20000 × 20000 pixels decodes to 1.6 GB), so
 * the dimensions are read from the header and checked before anything is decoded, and at most
 * {@link #CONCURRENT_DECODES} photos are decoded at once.
 */
public final class PhotoProcessor {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final int MAX_WIDTH = 1600;
    private static final int THUMBNAIL_WIDTH = 480;
    public static final long MAX_PIXELS = 40_000_000L;
    public static final int MAX_SIDE = 10_000;
    static final int CONCURRENT_DECODES = 2;
    private static final DecodePermits DECODES = new DecodePermits(CONCURRENT_DECODES, Duration.ofSeconds(10));

    public record Processed(byte[] photo, byte[] thumbnail) {
    }

    private PhotoProcessor() {
    }

    public static Processed process(byte[] upload) {
        checkHeader(upload);
        return DECODES.run(() -> {
            BufferedImage image = decode(upload);
            return new Processed(jpeg(scaled(image, MAX_WIDTH), 0.85f), jpeg(scaled(image, THUMBNAIL_WIDTH), 0.8f));
        });
    }

    /**
     * Refuses, without decoding it, an upload that is too large, not an image we take, or whose
     * header announces more pixels than we decode. Cheap enough to run as soon as a file arrives.
     */
    public static void checkHeader(byte[] upload) {
        if (upload.length > MAX_BYTES) {
            throw InvalidInputException.of("photo", "idea.photo.too-large", MAX_BYTES / (1024 * 1024));
        }
        if (ImageTypes.detect(upload).isEmpty()) {
            throw InvalidInputException.of("photo", "idea.photo.type");
        }
        withReader(upload, reader -> {
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
                throw InvalidInputException.of("photo", "idea.photo.too-many-pixels", MAX_SIDE, MAX_PIXELS / 1_000_000);
            }
            return null;
        });
    }

    private static BufferedImage decode(byte[] upload) {
        BufferedImage image = withReader(upload, reader -> reader.read(0));
        if (image == null) {
            throw InvalidInputException.of("photo", "idea.photo.unreadable");
        }
        return image;
    }

    private interface ReaderWork<T> {
        T apply(ImageReader reader) throws IOException;
    }

    /** Runs {@code work} with a reader positioned on the upload; an unreadable image is refused as such. */
    private static <T> T withReader(byte[] upload, ReaderWork<T> work) {
        try (ImageInputStream stream = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = stream == null ? null : ImageIO.getImageReaders(stream);
            if (readers == null || !readers.hasNext()) {
                throw InvalidInputException.of("photo", "idea.photo.unreadable");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                return work.apply(reader);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException refusal) {
                throw refusal;
            }
            throw InvalidInputException.of("photo", "idea.photo.unreadable");
        }
    }

    private static BufferedImage scaled(BufferedImage source, int maxWidth) {
        int width = Math.min(maxWidth, source.getWidth());
        int height = Math.max(1, (int) Math.round(source.getHeight() * (width / (double) source.getWidth())));
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = target.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, width, height);
        graphics.drawImage(source, 0, 0, width, height, null);
        graphics.dispose();
        return target;
    }

    private static byte[] jpeg(BufferedImage image, float quality) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam params = writer.getDefaultWriteParam();
            params.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            params.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), params);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
