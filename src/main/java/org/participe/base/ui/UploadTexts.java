package org.participe.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.upload.UploadI18N;

/** The upload component's own texts, in the viewer's language (one file at a time). */
public final class UploadTexts {

    private UploadTexts() {
    }

    public static UploadI18N of(Component view) {
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(view.getTranslation("upload.add")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(view.getTranslation("upload.drop")));
        i18n.setError(new UploadI18N.Error()
                .setFileIsTooBig(view.getTranslation("upload.too-big"))
                .setIncorrectFileType(view.getTranslation("upload.wrong-type"))
                .setTooManyFiles(view.getTranslation("upload.too-many")));
        i18n.setFile(new UploadI18N.File()
                .setRetry(view.getTranslation("builtin.upload.retry"))
                .setStart(view.getTranslation("builtin.upload.start"))
                .setRemove(view.getTranslation("builtin.upload.remove")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status()
                        .setConnecting(view.getTranslation("builtin.upload.connecting"))
                        .setStalled(view.getTranslation("builtin.upload.stalled"))
                        .setProcessing(view.getTranslation("builtin.upload.processing"))
                        .setHeld(view.getTranslation("builtin.upload.held")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(view.getTranslation("builtin.upload.server-unavailable"))
                        .setUnexpectedServerError(view.getTranslation("builtin.upload.server-error"))
                        .setForbidden(view.getTranslation("builtin.upload.forbidden"))
                        .setFileTooLarge(view.getTranslation("upload.too-big"))));
        return i18n;
    }
}
