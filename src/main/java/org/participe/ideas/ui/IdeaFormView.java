package org.participe.ideas.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import jakarta.annotation.security.PermitAll;
import org.participe.base.content.ContentKey;
import org.participe.base.ui.FormErrors;
import org.participe.base.ui.ImageUpload;
import org.participe.base.validation.InvalidInputException;
import org.participe.base.validation.TooManyRequestsException;
import org.participe.ideas.IdeaCard;
import org.participe.ideas.IdeaDetail;
import org.participe.ideas.IdeaDraft;
import org.participe.ideas.IdeaFilter;
import org.participe.ideas.IdeaService;
import org.participe.ideas.ProposalAccess;
import org.participe.base.PhotoProcessor;
import org.participe.town.Category;
import org.participe.town.Neighbourhood;
import org.participe.town.TownService;

/**
 * Proposing an idea (or correcting it within its edit window). Similar ideas appear while the
 * title is typed; a refusal never empties the form; leaving with unsaved text asks first.
 */
@Route("ideas/new")
@RouteAlias("ideas/:id([0-9]+)/edit")
@PermitAll
public class IdeaFormView extends Composite<VerticalLayout> implements BeforeEnterObserver, BeforeLeaveObserver, HasDynamicTitle {

    private static final Neighbourhood WHOLE_TOWN = new Neighbourhood(IdeaFilter.WHOLE_TOWN, "", true, 0);

    private final IdeaService ideas;
    final TextField title = new TextField();
    final TextArea description = new TextArea();
    final ComboBox<Category> category = new ComboBox<>();
    final ComboBox<Neighbourhood> neighbourhood = new ComboBox<>();
    private final Upload upload;
    private final Span photoName = new Span();
    final TextField photoDescription = new TextField();
    private final Div similar = new Div();
    final Button submit = new Button();
    private byte[] photo;
    private IdeaDetail editing;
    private boolean dirty;
    private boolean saved;

    public IdeaFormView(IdeaService ideas, TownService town) {
        this.ideas = ideas;
        VerticalLayout layout = getContent();
        layout.addClassName("form-page");

        title.setLabel(getTranslation("idea.form.title"));
        title.setRequiredIndicatorVisible(true);
        title.setMaxLength(IdeaService.TITLE_MAX);
        title.setValueChangeMode(ValueChangeMode.LAZY);
        title.setValueChangeTimeout(400);
        title.setHelperText(getTranslation("idea.form.title.help", IdeaService.TITLE_MIN, IdeaService.TITLE_MAX));
        title.addValueChangeListener(e -> {
            markDirty();
            showSimilar(e.getValue());
        });

        description.setLabel(getTranslation("idea.form.description"));
        description.setRequiredIndicatorVisible(true);
        description.setMaxLength(IdeaService.DESCRIPTION_MAX);
        description.setMinHeight("10rem");
        description.setValueChangeMode(ValueChangeMode.LAZY);
        description.setHelperText(getTranslation("idea.form.description.help", IdeaService.DESCRIPTION_MIN, IdeaService.DESCRIPTION_MAX));
        description.addValueChangeListener(e -> {
            markDirty();
            description.setHelperText(getTranslation("idea.form.description.count", e.getValue().length(), IdeaService.DESCRIPTION_MAX));
        });

        category.setLabel(getTranslation("ideas.category"));
        category.setRequiredIndicatorVisible(true);
        category.setItems(town.activeCategories());
        category.setItemLabelGenerator(c -> c.name(getLocale()));
        category.addValueChangeListener(e -> markDirty());

        neighbourhood.setLabel(getTranslation("ideas.neighbourhood"));
        List<Neighbourhood> places = new ArrayList<>();
        places.add(WHOLE_TOWN);
        places.addAll(town.activeNeighbourhoods());
        neighbourhood.setItems(places);
        neighbourhood.setItemLabelGenerator(n -> n.id() == IdeaFilter.WHOLE_TOWN ? getTranslation("idea.whole-town") : n.name());
        neighbourhood.setValue(WHOLE_TOWN);
        neighbourhood.addValueChangeListener(e -> markDirty());

        upload = ImageUpload.create(this, PhotoProcessor.MAX_BYTES,
                getTranslation("idea.photo.too-large", PhotoProcessor.MAX_BYTES / (1024 * 1024)), (fileName, data) -> {
                    photo = data;
                    photoName.setText(getTranslation("idea.form.photo.added", fileName));
                    markDirty();
                });
        upload.addFileRemovedListener(e -> {
            photo = null;
            photoName.setText("");
        });
        Span photoLabel = new Span(getTranslation("idea.form.photo"));
        photoLabel.addClassName("field-label");
        Paragraph photoHelp = new Paragraph(getTranslation("idea.form.photo.help"));
        photoHelp.addClassName("form-note");
        photoName.getElement().setAttribute("aria-live", "polite");
        photoDescription.setLabel(getTranslation("idea.form.photo-description"));
        photoDescription.setHelperText(getTranslation("idea.form.photo-description.help"));
        photoDescription.setMaxLength(IdeaService.PHOTO_DESCRIPTION_MAX);
        photoDescription.setWidthFull();
        photoDescription.setId("idea-photo-description");
        photoDescription.addValueChangeListener(e -> markDirty());
        Div photoField = new Div(photoLabel, photoHelp, upload, photoName, photoDescription);
        photoField.addClassName("photo-field");

        similar.addClassName("similar-ideas");
        similar.getElement().setAttribute("aria-live", "polite");
        similar.setVisible(false);

        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> save());

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        form.add(title, 2);
        form.add(similar, 2);
        form.add(description, 2);
        form.add(category, neighbourhood);
        form.add(photoField, 2);
        layout.add(new H1(), FormErrors.requiredNote(this), form, submit);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        H1 heading = (H1) getContent().getComponentAt(0);
        ProposalAccess access = ideas.proposalAccess();
        if (!access.canPropose()) {
            getContent().removeAll();
            getContent().add(new H1(getTranslation("idea.form.new")));
            switch (access) {
                case CONFIRM_EMAIL -> getContent().add(new Paragraph(getTranslation("idea.form.confirm-first")),
                        new Anchor("profile", getTranslation("layout.unconfirmed.link")));
                case BLOCKED -> getContent().add(new Paragraph(getTranslation("idea.form.blocked")));
                default -> getContent().add(new Paragraph(getTranslation("idea.form.residents-only")),
                        new Anchor("ideas", getTranslation("idea.back")));
            }
            return;
        }
        var id = event.getRouteParameters().getLong("id");
        if (id.isPresent()) {
            editing = ideas.detail(id.get()).filter(IdeaDetail::editable).orElse(null);
            if (editing == null) {
                event.rerouteToError(NotFoundException.class);
                return;
            }
            heading.setText(getTranslation("idea.form.edit"));
            submit.setText(getTranslation("idea.form.save"));
            title.setValue(editing.title());
            description.setValue(editing.description());
            photoDescription.setValue(editing.photoDescription() == null ? "" : editing.photoDescription());
            category.getListDataView().getItems().filter(c -> c.id() == editing.categoryId()).findFirst().ifPresent(category::setValue);
            neighbourhood.getListDataView().getItems()
                    .filter(n -> editing.neighbourhoodId() == null ? n.id() == IdeaFilter.WHOLE_TOWN : n.id() == editing.neighbourhoodId())
                    .findFirst().ifPresent(neighbourhood::setValue);
            dirty = false;
        } else {
            heading.setText(getTranslation("idea.form.new"));
            submit.setText(getTranslation("idea.form.publish"));
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        // Closing the tab or reloading with unsaved text: the browser asks first.
        event.getUI().getPage().executeJs("""
                if (!window.__participeLeaveGuard) {
                  window.__participeLeaveGuard = true;
                  window.addEventListener('beforeunload', e => { if (window.__participeDirty) { e.preventDefault(); e.returnValue = ''; } });
                }
                window.__participeDirty = false;""");
    }

    private void markDirty() {
        if (!dirty) {
            dirty = true;
            getUI().ifPresent(ui -> ui.getPage().executeJs("window.__participeDirty = true"));
        }
    }

    private void showSimilar(String text) {
        similar.removeAll();
        List<IdeaCard> matches = ideas.similar(text).stream().filter(c -> editing == null || c.id() != editing.id()).toList();
        similar.setVisible(!matches.isEmpty());
        if (matches.isEmpty()) {
            return;
        }
        similar.add(new H2(getTranslation("idea.form.similar")), new Paragraph(getTranslation("idea.form.similar.help")));
        UnorderedList list = new UnorderedList();
        for (IdeaCard match : matches) {
            Anchor link = new Anchor(ContentKey.idea(match.id()).path(), match.title());
            link.getElement().setAttribute("lang", match.lang());
            link.setTarget("_blank");
            list.add(new ListItem(link, new Span(" · " + getTranslation("idea.supports", match.supportCount()))));
        }
        similar.add(list);
    }

    private void save() {
        Map<String, HasValidation> fields = Map.of("title", title, "description", description, "categoryId", category,
                "neighbourhoodId", neighbourhood, "photoDescription", photoDescription);
        FormErrors.clear(fields);
        Long place = neighbourhood.getOptionalValue().map(Neighbourhood::id).filter(id -> id != IdeaFilter.WHOLE_TOWN).orElse(null);
        IdeaDraft draft = new IdeaDraft(title.getValue(), description.getValue(), category.getOptionalValue().map(Category::id).orElse(null),
                place, photo, photoDescription.getValue());
        try {
            long id;
            if (editing == null) {
                id = ideas.propose(draft);
            } else {
                ideas.edit(editing.id(), draft, editing.version());
                id = editing.id();
            }
            saved = true;
            getUI().ifPresent(ui -> {
                ui.getPage().executeJs("window.__participeDirty = false");
                ui.navigate(ContentKey.idea(id).path());
            });
        } catch (InvalidInputException refusal) {
            if (refusal.errors().containsKey("photo")) {
                var error = refusal.errors().get("photo");
                ImageUpload.refuse(upload, getTranslation(error.messageKey(), error.arguments()));
                photo = null;
                photoName.setText("");
            }
            FormErrors.show(this, refusal, fields);
        } catch (TooManyRequestsException tooMany) {
            FormErrors.error(getTranslation(tooMany.messageKey()));
        }
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (!dirty || saved) {
            return;
        }
        BeforeLeaveEvent.ContinueNavigationAction action = event.postpone();
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("idea.form.leave.title"));
        dialog.setText(getTranslation("idea.form.leave.text"));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("idea.form.leave.stay"));
        dialog.setConfirmText(getTranslation("idea.form.leave.go"));
        dialog.addConfirmListener(e -> {
            getUI().ifPresent(ui -> ui.getPage().executeJs("window.__participeDirty = false"));
            action.proceed();
        });
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation(editing == null ? "idea.form.new" : "idea.form.edit") + " · " + getTranslation("app.name");
    }
}
