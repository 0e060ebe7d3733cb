package org.participe.comments.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.participe.base.TownZone;
import org.participe.base.content.ContentKey;
import org.participe.base.content.ContentKind;
import org.participe.base.ui.Confirm;
import org.participe.base.ui.FormErrors;
import org.participe.base.ui.PlainText;
import org.participe.base.validation.InvalidInputException;
import org.participe.base.validation.TooManyRequestsException;
import org.participe.comments.CommentPage;
import org.participe.comments.CommentService;
import org.participe.moderation.ui.ModerationControls;
import org.participe.comments.CommentThread;
import org.participe.comments.CommentView;

/**
 * The discussion under a piece of content: a form to comment, threads with one level of replies,
 * oldest or newest first, 20 threads at a time. Authors edit within 15 minutes or delete.
 */
public class CommentsSection extends Composite<Section> {

    /** What the viewer may do: read only, or take part. */
    public enum Access { READ, SIGN_IN, CONFIRM, BLOCKED, PARTICIPATE, CLOSED }

    private final CommentService comments;
    private final ModerationControls moderation;
    private Set<Long> flagged = Set.of();
    private Map<Long, Long> versions = Map.of();
    private final ContentKey target;
    private final Access access;
    private final Div threads = new Div();
    private final Button more = new Button();
    private final Select<Boolean> order = new Select<>();
    private final DateTimeFormatter dates;
    private int pages = 1;
    /**
     * Threads this person started here, shown after the pages on display while those pages do
     * not reach them: one's own new comment never hides behind "show more comments".
     */
    private final LinkedHashSet<Long> ownNewThreads = new LinkedHashSet<>();

    public CommentsSection(CommentService comments, ModerationControls moderation, ContentKey target, Access access,
                           String returnPath) {
        this.comments = comments;
        this.moderation = moderation;
        this.target = target;
        this.access = access;
        this.dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale())
                .withZone(TownZone.zone());
        Section section = getContent();
        section.addClassName("comments");
        section.setId("comments");

        order.setLabel(getTranslation("comments.order"));
        order.setItems(false, true);
        order.setItemLabelGenerator(newest -> getTranslation(newest ? "comments.order.newest" : "comments.order.oldest"));
        order.setValue(false);
        order.addValueChangeListener(e -> {
            pages = 1;
            refresh();
        });
        Div header = new Div(new H2(getTranslation("comments.title")), order);
        header.addClassName("comments-header");
        section.add(header);

        switch (access) {
            case PARTICIPATE -> section.add(form(null, null));
            case SIGN_IN -> section.add(new Paragraph(new Anchor(returnPath, getTranslation("comments.sign-in"))));
            case CONFIRM -> section.add(new Paragraph(getTranslation("comments.confirm")));
            case CLOSED -> section.add(new Paragraph(getTranslation("comments.closed")));
            case BLOCKED -> section.add(new Paragraph(getTranslation("comments.blocked")));
            case READ -> { }
        }
        threads.addClassName("comment-threads");
        more.setText(getTranslation("comments.more"));
        more.addClickListener(e -> {
            pages++;
            refresh();
        });
        section.add(threads, more);
        refresh();
    }

    /** Re-reads the pages on display (after a change here, or one pushed from elsewhere). */
    public void refresh() {
        threads.removeAll();
        boolean hasMore = false;
        Set<Long> onScreen = new HashSet<>();
        for (int page = 0; page < pages; page++) {
            CommentPage result = comments.page(target, order.getValue(), page * CommentService.PAGE_SIZE);
            show(result.threads());
            result.threads().forEach(thread -> onScreen.add(thread.comment().id()));
            hasMore = result.hasMore();
            if (!hasMore) {
                break;
            }
        }
        ownNewThreads.removeIf(onScreen::contains);
        show(ownNewThreads.stream().map(id -> comments.thread(target, id)).flatMap(Optional::stream).toList());
        if (threads.getComponentCount() == 0) {
            threads.add(new Paragraph(getTranslation("comments.none")));
        }
        more.setVisible(hasMore);
    }

    private void show(List<CommentThread> page) {
        List<CommentView> shown = page.stream()
                .flatMap(thread -> Stream.concat(Stream.of(thread.comment()), thread.replies().stream()))
                .toList();
        flagged = moderation.flaggedByMe(ContentKind.COMMENT, shown.stream().filter(c -> c.can().flag()).map(CommentView::id).toList());
        versions = moderation.versions(ContentKind.COMMENT, shown.stream().filter(c -> c.can().moderate()).map(CommentView::id).toList());
        page.forEach(thread -> threads.add(thread(thread)));
    }

    private Component thread(CommentThread thread) {
        Article article = comment(thread.comment(), true);
        if (!thread.replies().isEmpty()) {
            Div replies = new Div();
            replies.addClassName("comment-replies");
            thread.replies().forEach(reply -> replies.add(comment(reply, false)));
            article.add(replies);
        }
        return article;
    }

    private Article comment(CommentView comment, boolean topLevel) {
        Article article = new Article();
        article.addClassName("comment");
        article.setId("comment-" + comment.id());
        Span author = new Span(comment.authorName());
        author.addClassName("comment-author");
        Span date = new Span(dates.format(comment.createdAt()) + (comment.edited() ? " · " + getTranslation("comments.edited") : ""));
        date.addClassName("comment-date");
        Div meta = new Div(author, date);
        meta.addClassName("comment-meta");
        article.add(meta);
        if (comment.hidden()) {
            article.addClassName("comment-hidden");
            Paragraph notice = new Paragraph(ModerationControls.hiddenNotice(this, comment.hiddenReason(), comment.mine()));
            notice.addClassName("notice");
            article.add(notice);
        }
        Div body = new Div();
        body.addClassName("comment-body");
        if (!comment.deleted()) {
            body.getElement().setAttribute("lang", comment.lang());
        }
        if (comment.deleted()) {
            Paragraph deleted = new Paragraph(getTranslation("comments.deleted"));
            deleted.addClassName("comment-deleted");
            body.add(deleted);
        } else {
            PlainText.paragraphs(comment.body()).forEach(body::add);
        }
        article.add(body);
        Div actions = new Div();
        actions.addClassName("comment-actions");
        if (access == Access.PARTICIPATE && topLevel && !comment.deleted() && !comment.hidden()) {
            Button reply = small(getTranslation("comments.reply"));
            reply.getElement().setAttribute("aria-label", getTranslation("comments.reply-to", comment.authorName()));
            reply.addClickListener(e -> {
                reply.setVisible(false);
                article.add(form(comment.id(), reply));
            });
            actions.add(reply);
        }
        if (comment.can().edit()) {
            Button edit = small(getTranslation("comments.edit"));
            edit.addClickListener(e -> {
                body.removeAll();
                body.add(editForm(comment));
            });
            actions.add(edit);
        }
        if (comment.can().delete()) {
            Button delete = small(getTranslation("comments.delete"));
            delete.addClickListener(e -> confirmDelete(comment));
            actions.add(delete);
        }
        String label = getTranslation("flag.this-comment", comment.authorName());
        if (comment.can().flag()) {
            actions.add(moderation.flagButton(ContentKey.comment(comment.id()), flagged.contains(comment.id()), label));
        }
        if (comment.can().moderate()) {
            actions.add(moderation.officialTools(ContentKey.comment(comment.id()), comment.hidden(),
                    versions.getOrDefault(comment.id(), 0L), label, this::refresh));
        }
        if (actions.getComponentCount() > 0) {
            article.add(actions);
        }
        return article;
    }

    private Component form(Long parentId, Button opener) {
        TextArea text = new TextArea(getTranslation(parentId == null ? "comments.new" : "comments.your-reply"));
        text.setMaxLength(CommentService.MAX_LENGTH);
        text.setValueChangeMode(ValueChangeMode.EAGER);
        text.setHelperText(getTranslation("comments.length", 0, CommentService.MAX_LENGTH));
        text.addValueChangeListener(e -> text.setHelperText(getTranslation("comments.length", e.getValue().length(), CommentService.MAX_LENGTH)));
        text.setWidthFull();
        text.setRequiredIndicatorVisible(true);
        Button post = new Button(getTranslation(parentId == null ? "comments.post" : "comments.post-reply"));
        post.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div form = new Div(text, post);
        form.addClassName("comment-form");
        if (parentId == null) {
            form.addComponentAsFirst(FormErrors.requiredNote(this));
            text.setId("comment-new-text");
            post.setId("comment-new-post");
        }
        post.addClickListener(e -> {
            try {
                long id = comments.post(target, parentId, text.getValue());
                if (parentId == null) {
                    ownNewThreads.add(id);
                }
                text.clear();
                text.setInvalid(false);
                if (parentId != null) {
                    form.removeFromParent();
                    if (opener != null) {
                        opener.setVisible(true);
                    }
                }
                refresh();
                FormErrors.success(getTranslation("comments.posted"));
                // Focus moves to the new comment (announced with the notification), so the person hears and sees where it is.
                getUI().ifPresent(ui -> ui.getPage().executeJs(
                        "const c = document.getElementById($0); if (c) { c.setAttribute('tabindex', '-1'); c.scrollIntoView({block:'nearest'}); c.focus({preventScroll:true}); }",
                        "comment-" + id));
            } catch (InvalidInputException refusal) {
                FormErrors.show(this, refusal, Map.of("body", text));
            } catch (TooManyRequestsException tooMany) {
                FormErrors.error(getTranslation(tooMany.messageKey()));
            }
        });
        if (parentId != null) {
            Button cancel = small(getTranslation("action.cancel"));
            cancel.addClickListener(e -> {
                form.removeFromParent();
                if (opener != null) {
                    opener.setVisible(true);
                }
            });
            form.add(cancel);
            text.focus();
        }
        return form;
    }

    private Component editForm(CommentView comment) {
        TextArea text = new TextArea(getTranslation("comments.edit"));
        text.setRequiredIndicatorVisible(true);
        text.setValue(comment.body());
        text.setMaxLength(CommentService.MAX_LENGTH);
        text.setWidthFull();
        Button save = new Button(getTranslation("profile.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            try {
                comments.edit(comment.id(), text.getValue(), comment.version());
                refresh();
            } catch (InvalidInputException refusal) {
                FormErrors.show(this, refusal, Map.of("body", text));
            }
        });
        Button cancel = small(getTranslation("action.cancel"));
        cancel.addClickListener(e -> refresh());
        Div form = new Div(text, save, cancel);
        form.addClassName("comment-form");
        return form;
    }

    private void confirmDelete(CommentView comment) {
        Confirm.destructive(getTranslation("comments.delete.title"), getTranslation("comments.delete.text"),
                getTranslation("comments.delete"), getTranslation("action.cancel"), () -> {
                    comments.delete(comment.id());
                    refresh();
                });
    }

    private static Button small(String text) {
        Button button = new Button(text);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }
}
