package org.participe.initiatives.ui;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.upload.Upload;
import org.participe.base.PhotoProcessor;
import org.participe.base.TownZone;
import org.participe.base.content.ContentKey;
import org.participe.base.ui.FormErrors;
import org.participe.base.ui.ImageUpload;
import org.participe.base.ui.PlainText;
import org.participe.base.validation.InvalidInputException;
import org.participe.follows.FollowService;
import org.participe.follows.ui.FollowButton;
import org.participe.ideas.IdeaService;
import org.participe.ideas.IdeaStatus;
import org.participe.ideas.ui.IdeaCards;
import org.participe.initiatives.InitiativeDetail;
import org.participe.initiatives.InitiativeService;
import org.participe.initiatives.InitiativeUpdate;
import org.participe.initiatives.Phase;
import org.participe.town.Neighbourhood;
import org.participe.town.TownService;

/**
 * One initiative: what it is, its phases drawn as a timeline (past, current, future), its
 * progress, its updates newest first and the ideas that fed into it. Staff act from here.
 */
@Route("initiatives/:id([0-9]+)")
@AnonymousAllowed
public class InitiativeView extends Composite<VerticalLayout> implements BeforeEnterObserver, HasDynamicTitle {

    private final InitiativeService initiatives;
    private final IdeaService ideas;
    private final FollowService follows;
    private final TownService town;
    private final DateTimeFormatter days;
    private InitiativeDetail initiative;

    public InitiativeView(InitiativeService initiatives, IdeaService ideas, FollowService follows, TownService town) {
        this.initiatives = initiatives;
        this.ideas = ideas;
        this.follows = follows;
        this.town = town;
        this.days = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale());
        getContent().setPadding(false);
        getContent().addClassName("idea-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        initiative = initiatives.detail(event.getRouteParameters().getLong("id").orElse(-1L)).orElse(null);
        if (initiative == null) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        render();
    }

    private void render() {
        VerticalLayout page = getContent();
        page.removeAll();
        page.add(new Anchor("initiatives", "← " + getTranslation("initiative.back")));
        Div tags = new Div(InitiativeBadges.status(this, initiative.status()));
        tags.addClassName("idea-tags");
        town.categories().stream().filter(c -> c.id() == initiative.categoryId()).findFirst()
                .ifPresent(c -> tags.add(tag(c.name(getLocale()))));
        Map<Long, String> places = town.neighbourhoods().stream().collect(Collectors.toMap(Neighbourhood::id, Neighbourhood::name));
        if (initiative.neighbourhoodIds().isEmpty()) {
            tags.add(tag(getTranslation("idea.whole-town")));
        } else {
            initiative.neighbourhoodIds().stream().map(places::get).sorted().forEach(name -> tags.add(tag(name)));
        }
        if (!initiative.published()) {
            Span draft = tag(getTranslation("initiative.draft"));
            draft.addClassName("idea-status-pending");
            tags.add(draft);
        }
        H1 heading = new H1(initiative.title());
        heading.getElement().setAttribute("lang", initiative.lang());
        page.add(tags, heading);
        if (initiative.hasCover()) {
            Image cover = described(new Image("media/initiatives/" + initiative.id() + "/cover.jpg", ""), initiative.coverDescription(),
                    initiative.lang(), getTranslation("initiative.cover-of", initiative.title()));
            cover.addClassName("idea-photo");
            page.add(cover);
        }
        Paragraph summary = new Paragraph(initiative.summary());
        summary.addClassName("initiative-summary");
        summary.getElement().setAttribute("lang", initiative.lang());
        page.add(summary);

        ProgressBar bar = new ProgressBar(0, 100, initiative.progress());
        bar.getElement().setAttribute("aria-label", getTranslation("initiative.progress", initiative.progress()));
        Div progress = new Div(new Span(getTranslation("initiative.progress", initiative.progress())), bar);
        progress.addClassName("initiative-progress");
        page.add(progress);

        Div facts = new Div();
        facts.addClassName("initiative-facts");
        if (initiative.budgetEuros() != null) {
            NumberFormat euros = NumberFormat.getCurrencyInstance(getLocale().getLanguage().equals("en") ? Locale.UK : Locale.FRANCE);
            euros.setCurrency(Currency.getInstance("EUR"));
            euros.setMaximumFractionDigits(0);
            facts.add(new Paragraph(getTranslation("initiative.budget", euros.format(initiative.budgetEuros()))));
        }
        if (!initiative.contactService().isBlank()) {
            facts.add(new Paragraph(getTranslation("initiative.contact", initiative.contactService())));
        }
        initiatives.budgetOrigin(initiative.id()).ifPresent(origin -> {
            Anchor winner = new Anchor(ContentKey.budgetProject(origin.projectId()).path(),
                    getTranslation("initiative.budget-winner", origin.campaignTitle()));
            winner.addClassName("initiative-budget-winner");
            facts.add(new Paragraph(winner));
        });
        page.add(facts, actions());
        Div text = new Div();
        text.addClassName("idea-text");
        text.getElement().setAttribute("lang", initiative.lang());
        PlainText.paragraphs(initiative.description()).forEach(text::add);
        page.add(text, phases(), updates(), linkedIdeas());
        if (initiative.can().manage()) {
            page.add(staffTools());
        }
    }

    private Div actions() {
        Div actions = new Div();
        actions.addClassName("idea-actions");
        if (initiative.can().follow()) {
            FollowButton follow = new FollowButton(follows, ContentKey.initiative(initiative.id()));
            actions.add(follow);
        } else if (initiative.can().signInToFollow()) {
            actions.add(new Anchor("initiatives/" + initiative.id() + "/back", getTranslation("initiative.sign-in-to-follow")));
        }
        return actions;
    }

    private Section phases() {
        Section section = new Section();
        section.addClassName("initiative-phases");
        section.add(new H2(getTranslation("initiative.phases")));
        if (initiative.phases().isEmpty()) {
            section.add(new Paragraph(getTranslation("initiative.phases.none")));
            return section;
        }
        OrderedList list = new OrderedList();
        list.addClassName("phase-timeline");
        for (Phase phase : initiative.phases()) {
            String when = phase.when().name().toLowerCase();
            Span state = new Span(getTranslation("initiative.phase." + when));
            state.addClassName("phase-state");
            H3 name = new H3(phase.name());
            name.getElement().setAttribute("lang", initiative.lang());
            Paragraph dates = new Paragraph(getTranslation("initiative.phase.dates-range", days.format(phase.startsOn()), days.format(phase.endsOn())));
            dates.addClassName("phase-dates");
            ListItem item = new ListItem(state, name, dates);
            if (!phase.description().isBlank()) {
                Paragraph description = new Paragraph(phase.description());
                description.getElement().setAttribute("lang", initiative.lang());
                item.add(description);
            }
            item.addClassNames("phase", "phase-" + when);
            if (phase.when() == Phase.When.CURRENT) {
                item.getElement().setAttribute("aria-current", "step");
            }
            list.add(item);
        }
        section.add(list);
        return section;
    }

    private Section updates() {
        Section section = new Section();
        section.addClassName("initiative-updates");
        section.add(new H2(getTranslation("initiative.updates")));
        List<InitiativeUpdate> updates = initiatives.updates(initiative.id());
        if (updates.isEmpty()) {
            section.add(new Paragraph(getTranslation("initiative.updates.none")));
        }
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale()).withZone(TownZone.zone());
        for (InitiativeUpdate update : updates) {
            Article article = new Article();
            article.addClassName("initiative-update");
            Paragraph meta = new Paragraph(date.format(update.publishedAt()) + " · " + update.authorName());
            meta.addClassName("comment-date");
            H3 title = new H3(update.title());
            title.getElement().setAttribute("lang", update.lang());
            Div body = new Div();
            body.getElement().setAttribute("lang", update.lang());
            PlainText.paragraphs(update.body()).forEach(body::add);
            article.add(title, meta, body);
            if (update.hasImage()) {
                Image image = described(new Image("media/initiative-updates/" + update.id() + ".jpg", ""), update.imageDescription(),
                        update.lang(), getTranslation("initiative.update.image-of", update.title()));
                image.addClassName("idea-photo");
                article.add(image);
            }
            section.add(article);
        }
        return section;
    }

    private Section linkedIdeas() {
        Section section = new Section();
        section.addClassName("activity-section");
        section.add(new H2(getTranslation("initiative.ideas")));
        var cards = ideas.cards(initiatives.linkedIdeaIds(initiative.id()));
        if (cards.isEmpty()) {
            section.add(new Paragraph(getTranslation("initiative.ideas.none")));
        } else {
            Div list = new Div();
            list.addClassName("idea-list");
            IdeaCards.Names names = IdeaCards.names(town);
            cards.forEach(card -> list.add(IdeaCards.card(card, names, this)));
            section.add(list);
        }
        return section;
    }

    private Section staffTools() {
        Section tools = new Section();
        tools.addClassNames("card", "staff-tools");
        tools.add(new H2(getTranslation("initiative.staff")));
        Paragraph changed = new Paragraph(getTranslation("initiative.last-change", initiative.updatedByName(),
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale())
                        .withZone(TownZone.zone()).format(initiative.updatedAt())));
        changed.addClassName("form-note");
        Div buttons = new Div();
        buttons.addClassName("idea-actions");
        if (initiative.can().edit()) {
            Anchor edit = new Anchor("initiatives/" + initiative.id() + "/edit", getTranslation("initiative.edit"));
            edit.addClassNames("button-link", "button-link-outline");
            buttons.add(edit);
        }
        if (initiative.can().publish()) {
            Button publish = new Button(getTranslation("initiative.publish"), e -> {
                initiatives.publish(initiative.id());
                reload();
            });
            publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            buttons.add(publish);
        }
        if (initiative.can().archive()) {
            Button archive = new Button(getTranslation(initiative.archived() ? "initiative.unarchive" : "initiative.archive"), e -> {
                initiatives.archive(initiative.id(), !initiative.archived());
                reload();
            });
            archive.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            buttons.add(archive);
        }
        tools.add(changed, buttons);
        if (initiative.can().changeCover()) {
            coverForm(tools);
        }
        if (initiative.can().postUpdate()) {
            updateForm(tools);
        }
        if (initiative.can().linkIdeas()) {
            linkForm(tools);
        }
        return tools;
    }

    private void coverForm(Section tools) {
        byte[][] coverImage = new byte[1][];
        Upload coverUpload = upload("initiative-cover", data -> coverImage[0] = data);
        coverUpload.addFileRemovedListener(removed -> coverImage[0] = null);
        TextField coverDescription = imageDescription("initiative-cover-description");
        coverDescription.setValue(initiative.coverDescription() == null ? "" : initiative.coverDescription());
        Button saveCover = new Button(getTranslation("initiative.cover.save"), e -> {
            Map<String, HasValidation> fields = Map.of("coverDescription", coverDescription);
            FormErrors.clear(fields);
            try {
                initiatives.changeCover(initiative.id(), coverImage[0], coverDescription.getValue());
                FormErrors.success(getTranslation("initiative.cover.saved"));
                reload();
            } catch (InvalidInputException refusal) {
                refuseImage(refusal, coverUpload, () -> coverImage[0] = null);
                FormErrors.show(this, refusal, fields);
            }
        });
        tools.add(new H3(getTranslation("initiative.cover")), coverUpload, coverDescription, saveCover);
    }

    private void updateForm(Section tools) {
        TextField title = new TextField(getTranslation("initiative.update.title"));
        title.setWidthFull();
        title.setMaxLength(160);
        TextArea body = new TextArea(getTranslation("initiative.update.body"));
        body.setWidthFull();
        body.setMaxLength(10000);
        byte[][] updateImage = new byte[1][];
        Upload imageUpload = upload("initiative-update-image", data -> updateImage[0] = data);
        imageUpload.addFileRemovedListener(removed -> updateImage[0] = null);
        TextField imageDescription = imageDescription("initiative-update-image-description");
        Button post = new Button(getTranslation("initiative.update.post"), e -> {
            Map<String, HasValidation> fields = Map.of("updateTitle", title, "updateBody", body, "updateImageDescription", imageDescription);
            FormErrors.clear(fields);
            try {
                initiatives.postUpdate(initiative.id(), title.getValue(), body.getValue(), updateImage[0], imageDescription.getValue());
                FormErrors.success(getTranslation("initiative.update.posted"));
                reload();
            } catch (InvalidInputException refusal) {
                refuseImage(refusal, imageUpload, () -> updateImage[0] = null);
                FormErrors.show(this, refusal, fields);
            }
        });
        post.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        tools.add(new H3(getTranslation("initiative.update.new")), title, body, new Span(getTranslation("initiative.update.image")), imageUpload,
                imageDescription, post);
    }

    private void linkForm(Section tools) {
        IntegerField ideaId = new IntegerField(getTranslation("initiative.link.idea"));
        ideaId.setHelperText(getTranslation("initiative.link.idea.help"));
        // Nothing is ticked for staff: moving the idea replaces the status an official may have given it,
        // and only an answer's text makes the link count as the idea's answer.
        Checkbox move = new Checkbox(getTranslation("initiative.link.move.status", getTranslation("idea.status." + IdeaStatus.IN_PROGRESS.name())), false);
        move.setHelperText(getTranslation("initiative.link.move.help"));
        Checkbox answers = new Checkbox(getTranslation("initiative.link.answers"), false);
        answers.setHelperText(getTranslation("initiative.link.answers.help"));
        TextArea answer = new TextArea(getTranslation("initiative.link.answer"));
        answer.setWidthFull();
        answer.setMaxLength(5000);
        answer.setVisible(false);
        answers.addValueChangeListener(e -> answer.setVisible(e.getValue()));
        ideaId.addValueChangeListener(e -> move.setHelperText(e.getValue() == null ? getTranslation("initiative.link.move.help")
                : ideas.detail(e.getValue())
                        .map(found -> getTranslation("initiative.link.move.replaces", getTranslation("idea.status." + found.status().name())))
                        .orElse(getTranslation("initiative.link.move.help"))));
        Button link = new Button(getTranslation("initiative.link"), e -> {
            Map<String, TextArea> answerField = Map.of("answer", answer);
            FormErrors.clear(answerField);
            try {
                if (ideaId.getValue() == null) {
                    throw InvalidInputException.of("ideaId", "initiative.link.idea.required");
                }
                initiatives.linkIdea(initiative.id(), ideaId.getValue(), move.getValue(), answers.getValue() ? answer.getValue() : null);
                FormErrors.success(getTranslation("initiative.linked"));
                reload();
            } catch (InvalidInputException refusal) {
                FormErrors.show(this, refusal, Map.of("ideaId", ideaId, "answer", answer));
            }
        });
        tools.add(new H3(getTranslation("initiative.link.title")), ideaId, move, answers, answer, link);
    }

    private Upload upload(String id, Consumer<byte[]> received) {
        Upload upload = ImageUpload.create(this, PhotoProcessor.MAX_BYTES,
                getTranslation("idea.photo.too-large", PhotoProcessor.MAX_BYTES / (1024 * 1024)), (fileName, data) -> received.accept(data));
        upload.setId(id);
        return upload;
    }

    /** The description of an image, its alternative text: required with a new image. */
    private TextField imageDescription(String id) {
        TextField field = new TextField(getTranslation("initiative.image-description"));
        field.setHelperText(getTranslation("initiative.image-description.help", InitiativeService.IMAGE_DESCRIPTION_MAX));
        field.setMaxLength(InitiativeService.IMAGE_DESCRIPTION_MAX);
        field.setWidthFull();
        field.setId(id);
        return field;
    }

    /** An image refused when saved (it could not be decoded) leaves its upload's list, with the reason under it. */
    private void refuseImage(InvalidInputException refusal, Upload upload, Runnable forget) {
        var error = refusal.errors().get("photo");
        if (error != null) {
            ImageUpload.refuse(upload, getTranslation(error.messageKey(), error.arguments()));
            forget.run();
        }
    }

    /** The author's description as the image's alternative text, else a generic one (images added before descriptions existed). */
    private static Image described(Image image, String description, String lang, String generic) {
        if (description != null) {
            image.setAlt(description);
            image.getElement().setAttribute("lang", lang);
        } else {
            image.setAlt(generic);
        }
        return image;
    }

    private void reload() {
        initiatives.detail(initiative.id()).ifPresent(fresh -> {
            initiative = fresh;
            render();
        });
    }

    private static Span tag(String text) {
        Span tag = new Span(text);
        tag.addClassName("idea-tag");
        return tag;
    }

    @Override
    public String getPageTitle() {
        return (initiative == null ? getTranslation("initiatives.title") : initiative.title()) + " · " + getTranslation("app.name");
    }
}
