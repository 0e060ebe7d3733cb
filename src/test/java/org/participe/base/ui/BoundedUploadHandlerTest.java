package org.participe.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.server.streams.UploadEvent;
import org.junit.jupiter.api.Test;

/** The server reads at most the cap of an upload, whatever size the client claims or sends. */
class BoundedUploadHandlerTest {

    private static final int CAP = 5 * 1024 * 1024;

    private final List<String> received = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();
    private final BoundedUploadHandler handler = new BoundedUploadHandler(CAP,
            (name, data) -> received.add(name + ":" + data.length), refused::add);

    @Test
    void anEndlessStreamOfUndeclaredSizeIsRefusedAtTheCap() throws Exception {
        Endless endless = new Endless();
        UploadEvent event = event("big.png", -1, endless);

        handler.handleUploadRequest(event);

        assertThat(refused).containsExactly("big.png");
        assertThat(received).isEmpty();
        verify(event).reject(any());
        assertThat(endless.read.get()).as("reading stopped just past the cap, not at 40 MB").isBetween((long) CAP + 1, (long) CAP + 8192);
    }

    @Test
    void aDeclaredSizeOverTheCapIsRefusedWithoutReading() throws Exception {
        Endless endless = new Endless();

        handler.handleUploadRequest(event("big.png", 40L * 1024 * 1024, endless));

        assertThat(refused).containsExactly("big.png");
        assertThat(endless.read.get()).isZero();
    }

    @Test
    void aFileOfExactlyTheCapIsReceived() throws Exception {
        handler.handleUploadRequest(event("ok.png", CAP, new ByteArrayInputStream(new byte[CAP])));

        assertThat(received).containsExactly("ok.png:" + CAP);
        assertThat(refused).isEmpty();
    }

    @Test
    void theCapsAreAlsoDeclaredForMultipartRequests() {
        assertThat(handler.getFileSizeMax()).isEqualTo(CAP);
        assertThat(handler.getRequestSizeMax()).isBetween((long) CAP, CAP + 100_000L);
        assertThat(handler.getFileCountMax()).isEqualTo(1);
    }

    private static UploadEvent event(String name, long declaredSize, InputStream content) {
        UI ui = mock(UI.class);
        when(ui.access(any())).thenAnswer(call -> {
            call.getArgument(0, Command.class).execute();
            return null;
        });
        UploadEvent event = mock(UploadEvent.class);
        when(event.getFileName()).thenReturn(name);
        when(event.getFileSize()).thenReturn(declaredSize);
        when(event.getInputStream()).thenReturn(content);
        when(event.getUI()).thenReturn(ui);
        return event;
    }

    /** Zeros for ever, counting what was read. */
    private static final class Endless extends InputStream {
        final AtomicLong read = new AtomicLong();

        @Override
        public int read() {
            read.incrementAndGet();
            return 0;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            read.addAndGet(length);
            return length;
        }
    }
}
