package org.participe.base.ui;

import java.util.function.BiConsumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;

/**
 * One image file at a time (JPEG, PNG or WebP), in the viewer's language. The browser's checks
 * only spare a useless upload: the server recognises the image by its content.
 */
public final class ImageUpload {

    private ImageUpload() {
    }

    /** {@code received} gets the file's name and bytes, inside the UI, once they have arrived. */
    public static Upload create(Component view, int maxBytes, String tooLargeMessage, BiConsumer<String, byte[]> received) {
        Upload upload = new Upload(UploadHandler.inMemory((metadata, data) -> view.getUI()
                .ifPresent(ui -> ui.access(() -> received.accept(metadata.fileName(), data)))));
        upload.setAcceptedFileTypes("image/jpeg", "image/png", "image/webp", ".jpg", ".jpeg", ".png", ".webp");
        upload.setMaxFileSize(maxBytes);
        upload.setMaxFiles(1);
        upload.setI18n(UploadTexts.of(view));
        upload.addFileRejectedListener(rejected -> FormErrors.error(tooLargeMessage));
        return upload;
    }
}
