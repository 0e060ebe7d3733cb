package org.participe.base.ui;

import java.util.function.BiConsumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import org.participe.base.PhotoProcessor;
import org.participe.base.validation.InvalidInputException;

/**
 * One image file at a time (JPEG, PNG or WebP), in the viewer's language. The browser's checks
 * only spare a useless upload: the server reads at most {@code maxBytes}, recognises the image by
 * its content and, before anything is decoded, refuses one whose header announces too many
 * pixels. A refusal, then or later ({@link #refuse}), takes the file out of the upload's list,
 * where it would otherwise stay with a check mark as if it had been taken, and is written under
 * the field, where the person looks, as an alert that screen readers read out.
 */
public final class ImageUpload {

    private ImageUpload() {
    }

    /**
     * {@code received} gets the file's name and bytes, inside the UI, once they have arrived and
     * passed the checks; an {@link InvalidInputException} it throws (an image refused when saved
     * at once) is shown as a refusal of the file.
     */
    public static Upload create(Component view, int maxBytes, String tooLargeMessage, BiConsumer<String, byte[]> received) {
        Span error = new Span();
        error.addClassName("field-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        Upload upload = new Upload();
        ComponentUtil.setData(upload, Span.class, error);
        upload.setUploadHandler(new BoundedUploadHandler(maxBytes, (fileName, data) -> {
            try {
                PhotoProcessor.checkHeader(data);
                error.setVisible(false);
                received.accept(fileName, data);
            } catch (InvalidInputException refusal) {
                var reason = refusal.errors().values().iterator().next();
                refuse(upload, view.getTranslation(reason.messageKey(), reason.arguments()));
            }
        }, fileName -> refuse(upload, tooLargeMessage)));
        upload.setAcceptedFileTypes("image/jpeg", "image/png", "image/webp", ".jpg", ".jpeg", ".png", ".webp");
        upload.setMaxFileSize(maxBytes);
        upload.setMaxFiles(1);
        upload.setI18n(UploadTexts.of(view));
        upload.addFileRejectedListener(rejected -> refuse(upload, rejected.getErrorMessage()));
        upload.addFileRemovedListener(removed -> error.setVisible(false));
        // The upload's default slot renders under its file list: the message sits with the field.
        upload.getElement().appendChild(error.getElement());
        return upload;
    }

    /**
     * The file of an upload made by {@link #create} was refused, now or when the form was sent
     * (an image that cannot be decoded): it leaves the list, and {@code message} is shown.
     */
    public static void refuse(Upload upload, String message) {
        upload.clearFileList();
        Span error = ComponentUtil.getData(upload, Span.class);
        error.setText(message);
        error.setVisible(true);
    }
}
