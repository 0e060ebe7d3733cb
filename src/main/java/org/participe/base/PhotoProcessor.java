package org.participe.base;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.participe.base.validation.InvalidInputException;

/**
 * Turns an uploaded photo (JPEG, PNG or WebP, recognised by its content) into what we store for
 * idea photos, initiative covers and update images: the photo re-encoded as JPEG at most 1600 px
 * wide, which drops its metadata (a phone's GPS position among them), and a 480 px thumbnail.
 */
public final class PhotoProcessor {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final int MAX_WIDTH = 1600;
    private static final int THUMBNAIL_WIDTH = 480;
    private static final long MAX_PIXELS = 40_000_000L;

    public record Processed(byte[] photo, byte[] thumbnail) {
    }

    private PhotoProcessor() {
    }

    public static Processed process(byte[] upload) {
        if (upload.length > MAX_BYTES) {
            throw InvalidInputException.of("photo", "idea.photo.too-large", MAX_BYTES / (1024 * 1024));
        }
        if (ImageTypes.detect(upload).isEmpty()) {
            throw InvalidInputException.of("photo", "idea.photo.type");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(upload));
        } catch (IOException | RuntimeException e) {
            image = null;
        }
        if (image == null || (long) image.getWidth() * image.getHeight() > MAX_PIXELS) {
            throw InvalidInputException.of("photo", "idea.photo.unreadable");
        }
        return new Processed(jpeg(scaled(image, MAX_WIDTH), 0.85f), jpeg(scaled(image, THUMBNAIL_WIDTH), 0.8f));
    }

    private static BufferedImage scaled(BufferedImage source, int maxWidth) {
        int width = Math.min(maxWidth, source.getWidth());
        int height = Math.max(1, (int) Math.round(source.getHeight() * (width / (double) source.getWidth())));
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = target.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        graphics.setColor(java.awt.Color.WHITE);
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
