package org.participe.ideas.ui;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.shared.Registration;
import org.participe.base.TownZone;
import org.participe.base.content.ContentKey;
import org.participe.base.content.ContentKind;
import org.participe.base.ui.Confirm;
import org.participe.base.ui.FormErrors;
import org.participe.base.ui.PlainText;
import org.participe.base.validation.InvalidInputException;
import org.participe.comments.CommentService;
import org.participe.comments.ui.CommentsSection;
import org.participe.follows.FollowService;
import org.participe.follows.ui.FollowButton;
import org.participe.ideas.IdeaCapabilities;
import org.participe.ideas.IdeaDetail;
import org.participe.ideas.IdeaService;
import org.participe.ideas.IdeaStatus;
import org.participe.ideas.TimelineEntry;
import org.participe.moderation.AnswerTemplate;
import org.participe.moderation.FollowUpService;
import org.participe.moderation.ItemFollowUp;
import org.participe.moderation.ui.ModerationControls;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Value;

/**
 * One idea: its text and photo, who proposed it and when, its status and public timeline, the
 * support and follow buttons, a link to share, and the discussion. Counts and new comments
 * arrive live for everyone viewing the page.
 */
@Route("ideas/:id([0-9]+)")
@AnonymousAllowed
public class IdeaView extends Composite<VerticalLayout> implements BeforeEnterObserver, HasDynamicTitle {

    private final IdeaService ideas;
    private final CommentService comments;
    private final FollowService follows;
    private final IdeaLiveUpdates live;
    private final ModerationControls moderation;
    private final FollowUpService followUp;
    private final Clock clock;
    private final TownNames names;
    private final String baseUrl;
    private final DateTimeFormatter dates;
    private IdeaDetail idea;
    private CommentsSection discussion;
    private final Span supportCount = new Span();
    private final Span commentCount = new Span();
    private Button supportButton;
    /** The support button's state as the browser showed it when it was clicked. */
    static final String SEEN_PRESSED = "element.getAttribute('aria-pressed')";
    private Registration liveRegistration;

    public IdeaView(IdeaService ideas, CommentService comments, FollowService follows,
                    IdeaLiveUpdates live, TownService town, ModerationControls moderation, FollowUpService followUp,
                    Clock clock, @Value("${participe.base-url}") String baseUrl) {
        this.clock = clock;
        this.ideas = ideas;
        this.moderation = moderation;
        this.followUp = followUp;
        this.comments = comments;
        this.follows = follows;
        this.live = live;
        this.names = TownNames.of(town);
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale()).withZone(TownZone.zone());
        getContent().addClassName("idea-page");
        getContent().setPadding(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("id").orElse(-1L);
        idea = ideas.detail(id).orElse(null);
        if (idea == null) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        render();
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        if (idea != null) {
            liveRegistration = live.register(idea.id(), attach.getUI(), this::refreshLive);
        }
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (liveRegistration != null) {
            liveRegistration.remove();
            liveRegistration = null;
        }
    }

    private void render() {
        VerticalLayout page = getContent();
        page.removeAll();
        page.add(new Anchor("ideas", "← " + getTranslation("idea.back")));

        Div tags = new Div(IdeaBadges.status(this, idea.status()), tag(names.category(idea.categoryId(), getLocale())),
                tag(names.neighbourhood(idea.neighbourhoodId(), getTranslation("idea.whole-town"))));
        tags.addClassName("idea-tags");
        if (idea.thresholdReachedAt() != null) {
            Span threshold = new Span(getTranslation("idea.threshold-reached"));
            threshold.addClassNames("idea-tag", "idea-threshold");
            tags.add(threshold);
        }
        H1 title = new H1(idea.title());
        title.getElement().setAttribute("lang", idea.lang());
        page.add(tags, title);
        Paragraph byline = new Paragraph(getTranslation("idea.byline", idea.authorName(),
                dates.format(idea.publishedAt() != null ? idea.publishedAt() : idea.createdAt())));
        byline.addClassName("idea-byline");
        page.add(byline);

        if (idea.status() == IdeaStatus.PENDING) {
            page.add(notice(getTranslation("idea.pending-notice")));
        } else if (idea.status() == IdeaStatus.WITHDRAWN) {
            page.add(notice(getTranslation("idea.withdrawn-notice")));
        }
        if (idea.hidden()) {
            page.add(notice(ModerationControls.hiddenNotice(this, idea.hiddenReason(), idea.mine())));
        }
        followUp.followUp(ContentKey.idea(idea.id())).flatMap(this::followUpLine).ifPresent(page::add);
        if (idea.hasPhoto()) {
            page.add(photo());
        }
        Div text = new Div();
        text.addClassName("idea-text");
        text.getElement().setAttribute("lang", idea.lang());
        PlainText.paragraphs(idea.description()).forEach(text::add);
        page.add(text);
        if (idea.initiativeTitle() != null) {
            Paragraph initiative = new Paragraph(getTranslation("idea.fed-into") + " ");
            initiative.add(new Anchor(ContentKey.initiative(idea.initiativeId()).path(), idea.initiativeTitle()));
            initiative.addClassName("idea-initiative");
            page.add(initiative);
        }
        page.add(actions(), share(), timeline());
        if (idea.can().answer()) {
            page.add(officialAnswer());
        }

        discussion = new CommentsSection(comments, moderation, ContentKey.idea(idea.id()), commentAccess(), "ideas/" + idea.id() + "/back");
        page.add(discussion);
    }

    /**
     * The photo, described by its author; without a description, a generic text naming the idea
     * (whose title keeps its own language inside it).
     */
    private Image photo() {
        Image photo = new Image("media/ideas/" + idea.id() + "/photo.jpg", "");
        if (idea.photoDescription() != null) {
            photo.setAlt(idea.photoDescription());
            photo.getElement().setAttribute("lang", idea.lang());
        } else {
            photo.setAlt(getTranslation("idea.photo-of", idea.title()));
        }
        photo.addClassName("idea-photo");
        return photo;
    }

    private Div actions() {
        Div actions = new Div();
        actions.addClassName("idea-actions");
        supportCount.addClassName("idea-support-count");
        supportCount.getElement().setAttribute("aria-live", "polite");
        commentCount.addClassName("idea-comment-count");
        updateCounts();
        IdeaCapabilities can = idea.can();
        switch (can.support()) {
            case ALLOWED -> {
                supportButton = new Button();
                supportButton.setId("idea-support");
                // The click carries the state the person saw: a change pushed from another session may have
                // reached the server, but not yet their screen, and a blind toggle would then undo what they meant.
                supportButton.getElement().addEventListener("click", e -> setSupport(!"true".equals(e.getEventData().path(SEEN_PRESSED).asString(""))))
                        .addEventData(SEEN_PRESSED);
                updateSupportButton();
                actions.add(supportButton);
            }
            case SIGN_IN -> actions.add(new Anchor("ideas/" + idea.id() + "/back", getTranslation("idea.sign-in-to-support")));
            case BLOCKED -> actions.add(new Span(getTranslation("idea.blocked-to-support")));
            case CONFIRM_EMAIL -> actions.add(new Span(getTranslation("idea.confirm-to-support")));
            case CLOSED -> actions.add(new Span(getTranslation("idea.closed-to-support")));
            case READ_ONLY -> {
                // staff and administrators read: ideas are residents' voice
            }
        }
        actions.add(supportCount, commentCount);
        if (can.follow()) {
            FollowButton follow = new FollowButton(follows, ContentKey.idea(idea.id()));
            follow.getContent().addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            actions.add(follow);
        }
        if (can.edit()) {
            Anchor edit = new Anchor("ideas/" + idea.id() + "/edit", getTranslation("idea.edit"));
            edit.addClassNames("button-link", "button-link-outline");
            actions.add(edit);
        }
        if (can.withdraw()) {
            Button withdraw = new Button(getTranslation("idea.withdraw"), e -> confirmWithdraw());
            withdraw.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            actions.add(withdraw);
        }
        if (can.flag()) {
            actions.add(moderation.flagButton(ContentKey.idea(idea.id()),
                    !moderation.flaggedByMe(ContentKind.IDEA, List.of(idea.id())).isEmpty(), getTranslation("flag.this-idea")));
        }
        if (can.moderate()) {
            long moderationVersion = moderation.versions(ContentKind.IDEA, List.of(idea.id())).getOrDefault(idea.id(), 0L);
            actions.add(moderation.officialTools(ContentKey.idea(idea.id()), idea.hidden(), moderationVersion, getTranslation("flag.this-idea"),
                    this::reload));
        }
        if (can.approve()) {
            Button approve = new Button(getTranslation("idea.approve"), e -> {
                ideas.approve(idea.id());
                reload();
            });
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(approve);
        }
        return actions;
    }

    /** Supports, or withdraws the support, whatever the state is now: two sessions clicking "Soutenir" both mean support. */
    private void setSupport(boolean supporting) {
        try {
            if (supporting) {
                ideas.support(idea.id());
            } else {
                ideas.withdrawSupport(idea.id());
            }
            reload();
        } catch (InvalidInputException refusal) {
            FormErrors.show(this, refusal, Map.of());
        }
    }

    private void updateSupportButton() {
        if (supportButton == null) {
            return;
        }
        boolean supported = idea.supportedByMe();
        supportButton.setText(getTranslation(supported ? "idea.unsupport" : "idea.support"));
        supportButton.setIcon(supported ? VaadinIcon.CHECK.create() : VaadinIcon.THUMBS_UP.create());
        supportButton.getElement().setAttribute("aria-pressed", String.valueOf(supported));
        supportButton.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (!supported) {
            supportButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
    }

    private void updateCounts() {
        supportCount.setText(getTranslation("idea.supports", idea.supportCount()));
        commentCount.setText(getTranslation("idea.comments", idea.commentCount()));
    }

    private Section share() {
        Section share = new Section();
        share.addClassName("idea-share");
        String url = baseUrl + "/" + ContentKey.idea(idea.id()).path();
        TextField link = new TextField(getTranslation("idea.share"));
        link.setValue(url);
        link.setReadOnly(true);
        link.setWidthFull();
        Button copy = new Button(getTranslation("idea.copy-link"), VaadinIcon.COPY.create());
        copy.addClickListener(e -> {
            getUI().ifPresent(ui -> ui.getPage().executeJs("return navigator.clipboard ? navigator.clipboard.writeText($0).then(() => true) : false", url));
            FormErrors.success(getTranslation("idea.link-copied"));
        });
        Div row = new Div(link, copy);
        row.addClassName("share-row");
        share.add(row);
        return share;
    }

    private Section timeline() {
        Section section = new Section();
        section.addClassName("idea-timeline");
        section.add(new H2(getTranslation("idea.timeline")));
        List<TimelineEntry> entries = ideas.timeline(idea.id());
        OrderedList list = new OrderedList();
        DateTimeFormatter withTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(TownZone.zone());
        for (TimelineEntry entry : entries) {
            String what = switch (entry.kind()) {
                case "PUBLISHED" -> getTranslation("timeline.published");
                case "THRESHOLD_REACHED" -> getTranslation("timeline.threshold");
                case "WITHDRAWN" -> getTranslation("timeline.withdrawn");
                case "OFFICIAL_ANSWER" -> getTranslation("timeline.answer", getTranslation("idea.status." + entry.toStatus().name()));
                case "INITIATIVE_LINKED" -> entry.toStatus() == null ? getTranslation(entry.text() == null ? "timeline.linked" : "timeline.linked.answer")
                        : getTranslation(entry.text() == null ? "timeline.linked.status" : "timeline.linked.status.answer",
                                getTranslation("idea.status." + entry.toStatus().name()));
                default -> getTranslation("timeline.status", getTranslation("idea.status." + entry.toStatus().name()));
            };
            ListItem item = new ListItem(new Span(withTime.format(entry.occurredAt())), new Span(" — " + what));
            if (entry.actorName() != null && "OFFICIAL_ANSWER".equals(entry.kind())) {
                item.add(new Span(" — " + getTranslation("timeline.signed-official", entry.actorName())));
            } else if (entry.actorName() != null && !"PUBLISHED".equals(entry.kind())) {
                item.add(new Span(" (" + entry.actorName() + ")"));
            }
            if (entry.text() != null) {
                Div answer = new Div();
                answer.getElement().setAttribute("lang", entry.lang());
                PlainText.paragraphs(entry.text()).forEach(answer::add);
                item.add(answer);
            }
            list.add(item);
        }
        if (entries.isEmpty()) {
            section.add(new Paragraph(getTranslation("timeline.empty")));
        } else {
            section.add(list);
        }
        return section;
    }

    /**
     * The public promise: when an answer is expected, and once given, whether it came in time;
     * nothing when there is neither a due date nor an answer (an empty line would show as an empty badge).
     */
    private Optional<Paragraph> followUpLine(ItemFollowUp state) {
        Paragraph line = new Paragraph();
        line.addClassName("idea-follow-up");
        if (state.answered()) {
            String when = dates.format(state.answeredAt());
            line.setText(state.onTime() == null ? getTranslation("followup.answered", when)
                    : getTranslation(state.onTime() ? "followup.answered.on-time" : "followup.answered.late", when, dates.format(state.dueAt())));
        } else if (state.dueAt() != null) {
            boolean late = state.overdue(clock.instant());
            line.setText(getTranslation(late ? "followup.overdue" : "followup.expected", dates.format(state.dueAt())));
            if (late) {
                line.addClassName("overdue");
            }
        } else {
            return Optional.empty();
        }
        String who = state.assigneeService() != null ? state.assigneeService() : state.assigneeName();
        if (!state.answered() && who != null) {
            line.add(" " + getTranslation("followup.assigned", who));
        }
        return Optional.of(line);
    }

    /** Officials answer in place: a new status and a public, reasoned text (required to accept or reject). */
    private Section officialAnswer() {
        Section section = new Section();
        section.addClassNames("card", "staff-tools");
        section.setId("answer");
        long seenVersion = idea.version();
        section.add(new H2(getTranslation("answer.title")));
        Select<IdeaStatus> status = new Select<>();
        status.setLabel(getTranslation("answer.status"));
        status.setItems(IdeaStatus.ANSWERS);
        status.setItemLabelGenerator(value -> getTranslation("idea.status." + value.name()));
        TextArea text = new TextArea(getTranslation("answer.text"));
        text.setHelperText(getTranslation("answer.text.help"));
        text.setMaxLength(5000);
        text.setWidthFull();
        Button publish = new Button(getTranslation("answer.publish"), e -> {
            try {
                if (status.getValue() == null) {
                    throw InvalidInputException.of("status", "answer.status.required");
                }
                ideas.answer(idea.id(), status.getValue(), text.getValue(), seenVersion);
                FormErrors.success(getTranslation("answer.published"));
                reload();
            } catch (InvalidInputException refusal) {
                FormErrors.show(this, refusal, Map.of("status", status, "text", text));
            }
        });
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        section.add(new Paragraph(getTranslation("answer.intro")), status);
        List<AnswerTemplate> templates = followUp.templates();
        if (!templates.isEmpty()) {
            Select<AnswerTemplate> template = new Select<>();
            template.setLabel(getTranslation("answer.template"));
            template.setHelperText(getTranslation("answer.template.help"));
            template.setItems(templates);
            template.setItemLabelGenerator(value -> value == null ? getTranslation("answer.template.none") : value.title());
            template.setEmptySelectionAllowed(true);
            template.setEmptySelectionCaption(getTranslation("answer.template.none"));
            template.addValueChangeListener(change -> {
                if (change.getValue() != null) {
                    text.setValue(change.getValue().body());
                }
            });
            section.add(template);
        }
        section.add(text, publish);
        return section;
    }

    private CommentsSection.Access commentAccess() {
        return switch (idea.can().comment()) {
            case ALLOWED -> CommentsSection.Access.PARTICIPATE;
            case SIGN_IN -> CommentsSection.Access.SIGN_IN;
            case CONFIRM_EMAIL -> CommentsSection.Access.CONFIRM;
            case BLOCKED -> CommentsSection.Access.BLOCKED;
            case READ_ONLY -> CommentsSection.Access.READ;
            case CLOSED -> CommentsSection.Access.CLOSED;
        };
    }

    private void confirmWithdraw() {
        Confirm.destructive(getTranslation("idea.withdraw.title"), getTranslation("idea.withdraw.text"),
                getTranslation("idea.withdraw"), getTranslation("action.cancel"), () -> {
                    ideas.withdraw(idea.id());
                    reload();
                });
    }

    private void reload() {
        ideas.detail(idea.id()).ifPresent(fresh -> {
            idea = fresh;
            render();
        });
    }

    /** A change pushed from another session: counts, support state and the discussion. */
    private void refreshLive() {
        ideas.detail(idea.id()).ifPresent(fresh -> {
            boolean actionsChanged = fresh.status() != idea.status() || fresh.hidden() != idea.hidden() || !fresh.can().equals(idea.can());
            idea = fresh;
            if (actionsChanged) {
                render();
                return;
            }
            updateCounts();
            updateSupportButton();
            if (discussion != null) {
                discussion.refresh();
            }
        });
    }

    private static Span tag(String text) {
        Span tag = new Span(text);
        tag.addClassName("idea-tag");
        return tag;
    }

    private static Paragraph notice(String text) {
        Paragraph notice = new Paragraph(text);
        notice.addClassName("account-notice");
        notice.getElement().setAttribute("role", "status");
        return notice;
    }

    @Override
    public String getPageTitle() {
        return (idea == null ? getTranslation("ideas.title") : idea.title()) + " · " + getTranslation("app.name");
    }
}
