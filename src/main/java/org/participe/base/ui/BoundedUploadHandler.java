package org.participe.base.ui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;

/**
 * Receives one file into memory, but never more than {@code maxBytes} of it: the browser's size
 * check spares nothing against a client that skips it, and Vaadin's in-memory handler reads
 * whatever arrives (40 MB were accepted). A declared size above the cap is refused before
 * reading; an undeclared or understated one stops being read at the cap.
 */
public final class BoundedUploadHandler implements UploadHandler {

    /** Room for the multipart envelope around the file. */
    private static final long ENVELOPE_BYTES = 64 * 1024;

    private final int maxBytes;
    private final BiConsumer<String, byte[]> received;
    private final Consumer<String> refused;

    /**
     * @param received gets the file's name and bytes, inside the UI
     * @param refused  gets the file's name, inside the UI, when it was larger than the cap
     */
    public BoundedUploadHandler(int maxBytes, BiConsumer<String, byte[]> received, Consumer<String> refused) {
        this.maxBytes = maxBytes;
        this.received = received;
        this.refused = refused;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        byte[] data = null;
        if (event.getFileSize() <= maxBytes) {
            try (InputStream in = event.getInputStream()) {
                data = readAtMost(in, maxBytes);
            }
        }
        String fileName = event.getFileName();
        UI ui = event.getUI();
        if (data == null) {
            event.reject("too large");
            ui.access(() -> refused.accept(fileName));
            return;
        }
        byte[] content = data;
        ui.access(() -> received.accept(fileName, content));
    }

    /** The stream's bytes, or null as soon as it holds more than {@code max} (the rest is left unread). */
    static byte[] readAtMost(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, max + 1L - total))) > 0) {
            total += n;
            if (total > max) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    @Override
    public long getFileSizeMax() {
        return maxBytes;
    }

    @Override
    public long getRequestSizeMax() {
        return maxBytes + ENVELOPE_BYTES;
    }

    @Override
    public long getFileCountMax() {
        return 1;
    }
}
