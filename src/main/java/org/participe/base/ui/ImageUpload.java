package org.participe.base.ui;

import java.util.function.BiConsumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import org.participe.base.PhotoProcessor;
import org.participe.base.validation.InvalidInputException;

/**
 * One image file at a time (JPEG, PNG or WebP), in the viewer's language. The browser's checks
 * only spare a useless upload: the server reads at most {@code maxBytes}, recognises the image by
 * its content and, before anything is decoded, refuses one whose header announces too many
 * pixels. A refusal is written under the field, where the person looks.
 */
public final class ImageUpload {

    private ImageUpload() {
    }

    /** {@code received} gets the file's name and bytes, inside the UI, once they have arrived and passed the checks. */
    public static Upload create(Component view, int maxBytes, String tooLargeMessage, BiConsumer<String, byte[]> received) {
        Span error = new Span();
        error.addClassName("field-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        BoundedUploadHandler handler = new BoundedUploadHandler(maxBytes, (fileName, data) -> {
            try {
                PhotoProcessor.checkHeader(data);
            } catch (InvalidInputException refusal) {
                var reason = refusal.errors().values().iterator().next();
                show(error, view.getTranslation(reason.messageKey(), reason.arguments()));
                return;
            }
            error.setVisible(false);
            received.accept(fileName, data);
        }, fileName -> show(error, tooLargeMessage));
        Upload upload = new Upload(handler);
        upload.setAcceptedFileTypes("image/jpeg", "image/png", "image/webp", ".jpg", ".jpeg", ".png", ".webp");
        upload.setMaxFileSize(maxBytes);
        upload.setMaxFiles(1);
        upload.setI18n(UploadTexts.of(view));
        upload.addFileRejectedListener(rejected -> show(error, rejected.getErrorMessage()));
        upload.addFileRemovedListener(removed -> error.setVisible(false));
        // The upload's default slot renders under its file list: the message sits with the field.
        upload.getElement().appendChild(error.getElement());
        return upload;
    }

    private static void show(Span error, String message) {
        error.setText(message);
        error.setVisible(true);
    }
}
