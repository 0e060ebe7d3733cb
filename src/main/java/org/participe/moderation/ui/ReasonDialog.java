package org.participe.moderation.ui;

import java.util.Map;
import java.util.function.BiConsumer;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import org.participe.base.ui.FormErrors;
import org.participe.base.validation.InvalidInputException;
import org.participe.moderation.ModerationReason;

/**
 * Asks for a reason and a note before flagging or hiding. The dialog stays open with the message
 * next to the field when the service refuses, so nothing typed is lost.
 */
class ReasonDialog extends Dialog {

    ReasonDialog(String title, String intro, String noteHelp, String confirm, int noteMax, BiConsumer<ModerationReason, String> action) {
        setHeaderTitle(title);
        RadioButtonGroup<ModerationReason> reason = new RadioButtonGroup<>(getTranslation("moderation.reason"));
        reason.setItems(ModerationReason.CHOSEN);
        reason.setItemLabelGenerator(r -> getTranslation("moderation.reason." + r.name()));
        reason.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        reason.setRequiredIndicatorVisible(true);
        TextArea note = new TextArea(getTranslation("moderation.note"));
        note.setHelperText(noteHelp);
        note.setMaxLength(noteMax);
        note.setWidthFull();
        Map<String, HasValidation> fields = Map.of("reason", reason, "note", note);
        Button ok = new Button(confirm, e -> {
            FormErrors.clear(fields);
            try {
                if (reason.getValue() == null) {
                    throw InvalidInputException.of("reason", "moderation.reason.required");
                }
                action.accept(reason.getValue(), note.getValue());
                close();
            } catch (InvalidInputException refusal) {
                FormErrors.show(this, refusal, fields);
            }
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        add(new Paragraph(intro), FormErrors.requiredNote(this), reason, note);
        getFooter().add(cancel, ok);
        setWidth("min(32rem, 100vw)");
    }
}
