package org.participe.moderation.ui;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.participe.base.content.ContentKey;
import org.participe.base.content.ContentKind;
import org.participe.base.ui.FormErrors;
import org.participe.base.validation.InvalidInputException;
import org.participe.moderation.ItemVersion;
import org.participe.moderation.ModerationReason;
import org.participe.moderation.ModerationService;

/**
 * The moderation buttons that content pages show next to each idea or comment: "flag" for
 * residents, "hide"/"restore" for officials acting in place. Whether a person may do either is
 * decided by the content's service and carried in its detail ({@code can().flag()},
 * {@code can().moderate()}); pages ask for these buttons only then, and the moderation service
 * checks again.
 */
@org.springframework.stereotype.Component
public class ModerationControls {

    private final ModerationService moderation;

    ModerationControls(ModerationService moderation) {
        this.moderation = moderation;
    }

    /** Which of these items the viewer flagged already (one query for a whole page), for a viewer who may flag. */
    public Set<Long> flaggedByMe(ContentKind kind, Collection<Long> ids) {
        return ids.isEmpty() ? Set.of() : moderation.flaggedByMe(kind, ids);
    }

    /** A "flag" button, or a "flagged" mark once the viewer flagged it, for content the viewer {@code can().flag()}. */
    public com.vaadin.flow.component.Component flagButton(ContentKey ref, boolean flagged, String contentLabel) {
        if (flagged) {
            return flaggedMark();
        }
        Button flag = new Button(UI.getCurrent().getTranslation("flag.button"), VaadinIcon.FLAG_O.create());
        flag.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        flag.getElement().setAttribute("aria-label", flag.getTranslation("flag.button.label", contentLabel));
        flag.addClickListener(e -> new ReasonDialog(flag.getTranslation("flag.title"), flag.getTranslation("flag.intro"),
                flag.getTranslation("flag.note.help"), flag.getTranslation("flag.send"), ModerationService.FLAG_NOTE_MAX, (reason, note) -> {
            boolean hidden = moderation.flag(ref, reason, note);
            FormErrors.success(flag.getTranslation(hidden ? "flag.sent.hidden" : "flag.sent"));
            flag.setText(flag.getTranslation("flag.done"));
            flag.setIcon(VaadinIcon.FLAG.create());
            flag.setEnabled(false);
        }).open());
        return flag;
    }

    /** The moderation versions of the items a page draws (one query), for content the viewer {@code can().moderate()}. */
    public Map<Long, Long> versions(ContentKind kind, Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : moderation.versions(kind, ids);
    }

    /**
     * "Hide" or "restore" for officials, in place; {@code version} is the item's moderation version
     * when the page was drawn, so that an official acting on a stale page is told rather than
     * overwriting a colleague's decision. {@code afterChange} redraws the page. For content the
     * viewer {@code can().moderate()}.
     */
    public com.vaadin.flow.component.Component officialTools(ContentKey ref, boolean hidden, long version, String contentLabel,
                                                             Runnable afterChange) {
        Button button = new Button();
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        if (hidden) {
            button.setText(button.getTranslation("moderation.restore"));
            button.setIcon(VaadinIcon.EYE.create());
            button.getElement().setAttribute("aria-label", button.getTranslation("moderation.restore.label", contentLabel));
            button.addClickListener(e -> {
                try {
                    moderation.restore(List.of(new ItemVersion(ref, version)), null);
                    FormErrors.success(button.getTranslation("moderation.restored"));
                } catch (InvalidInputException refusal) {
                    FormErrors.show(button, refusal, Map.of());
                }
                afterChange.run();
            });
        } else {
            button.setText(button.getTranslation("moderation.hide"));
            button.setIcon(VaadinIcon.EYE_SLASH.create());
            button.getElement().setAttribute("aria-label", button.getTranslation("moderation.hide.label", contentLabel));
            button.addClickListener(e -> {
                var seen = new ItemVersion(ref, version);
                new ReasonDialog(button.getTranslation("moderation.hide.title"), button.getTranslation("moderation.hide.intro"),
                        button.getTranslation("moderation.note.help"), button.getTranslation("moderation.hide"), ModerationService.NOTE_MAX, (reason, note) -> {
                    moderation.hide(List.of(seen), reason, note);
                    FormErrors.success(button.getTranslation("moderation.hidden"));
                    afterChange.run();
                }).open();
            });
        }
        return button;
    }

    /** The reason shown on hidden content: to its author, who alone with the officials sees it, or to an official. */
    public static String hiddenNotice(com.vaadin.flow.component.Component view, String reason, boolean mine) {
        String label = reason == null ? "" : view.getTranslation("moderation.reason." + ModerationReason.valueOf(reason).name());
        return view.getTranslation(mine ? "moderation.hidden.notice" : "moderation.hidden.notice.official", label);
    }

    /** An audit code in words: a moderation reason or an idea status; any other code as it is. */
    public static String codeText(com.vaadin.flow.component.Component view, String code) {
        boolean isReason = Arrays.stream(ModerationReason.values()).anyMatch(reason -> reason.name().equals(code));
        String text = view.getTranslation(isReason ? "moderation.reason." + code : "idea.status." + code);
        return text.startsWith("!") ? code : text;
    }

    private static Span flaggedMark() {
        Span mark = new Span(UI.getCurrent().getTranslation("flag.done"));
        mark.addClassName("flagged-mark");
        return mark;
    }
}
