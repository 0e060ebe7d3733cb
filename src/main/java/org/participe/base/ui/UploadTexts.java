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
        return i18n;
    }
}
