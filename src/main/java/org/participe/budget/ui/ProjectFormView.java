package org.participe.budget.ui;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import jakarta.annotation.security.PermitAll;
import org.participe.base.PhotoProcessor;
import org.participe.base.content.ContentKey;
import org.participe.base.ui.FormErrors;
import org.participe.base.ui.ImageUpload;
import org.participe.base.validation.InvalidInputException;
import org.participe.base.validation.TooManyRequestsException;
import org.participe.budget.CampaignDetail;
import org.participe.budget.CampaignService;
import org.participe.budget.Envelope;
import org.participe.budget.ProjectCard;
import org.participe.budget.ProjectDetail;
import org.participe.budget.ProjectDraft;
import org.participe.budget.ProjectService;
import org.participe.budget.ProposeAccess;

/**
 * A resident proposes a project to a campaign open to submissions (or corrects one awaiting
 * review). Similar projects of the campaign appear while the title is typed; a refusal never
 * empties the form.
 */
@Route("budgets/:campaign([0-9]+)/propose")
@RouteAlias("budget-projects/:project([0-9]+)/edit")
@PermitAll
public class ProjectFormView extends Composite<VerticalLayout> implements BeforeEnterObserver, HasDynamicTitle {

    private final CampaignService campaigns;
    private final ProjectService projects;
    final TextField title = new TextField();
    final TextArea description = new TextArea();
    final Select<Envelope> envelope = new Select<>();
    final TextField location = new TextField();
    final IntegerField cost = new IntegerField();
    private final Upload upload;
    private final Span photoName = new Span();
    final TextField photoDescription = new TextField();
    final Div similar = new Div();
    final Button submit = new Button();
    private final H1 heading = new H1();
    private byte[] photo;
    private CampaignDetail campaign;
    private ProjectDetail editing;

    public ProjectFormView(CampaignService campaigns, ProjectService projects) {
        this.campaigns = campaigns;
        this.projects = projects;
        VerticalLayout layout = getContent();
        layout.addClassName("form-page");

        title.setLabel(getTranslation("budget.project.form.title"));
        title.setRequiredIndicatorVisible(true);
        title.setMaxLength(ProjectService.TITLE_MAX);
        title.setHelperText(getTranslation("idea.form.title.help", ProjectService.TITLE_MIN, ProjectService.TITLE_MAX));
        title.setValueChangeMode(ValueChangeMode.LAZY);
        title.setValueChangeTimeout(400);
        title.addValueChangeListener(e -> showSimilar(e.getValue()));

        description.setLabel(getTranslation("budget.project.form.description"));
        description.setRequiredIndicatorVisible(true);
        description.setMaxLength(ProjectService.DESCRIPTION_MAX);
        description.setMinHeight("10rem");
        description.setHelperText(getTranslation("idea.form.description.help", ProjectService.DESCRIPTION_MIN, ProjectService.DESCRIPTION_MAX));

        envelope.setLabel(getTranslation("budget.project.envelope"));
        // Always chosen (the whole town's by default): a required marker would put aria-required on the select's button, which axe refuses.
        envelope.setHelperText(getTranslation("budget.project.form.envelope.help"));
        location.setLabel(getTranslation("budget.project.form.location"));
        location.setHelperText(getTranslation("budget.project.form.location.help"));
        location.setMaxLength(ProjectService.LOCATION_MAX);
        cost.setLabel(getTranslation("budget.project.form.cost"));
        cost.setHelperText(getTranslation("budget.project.form.cost.help"));
        cost.setRequiredIndicatorVisible(true);
        cost.setMin(1);
        Span euro = new Span("€");
        euro.getElement().setAttribute("aria-hidden", "true");
        cost.setSuffixComponent(euro);

        upload = ImageUpload.create(this, PhotoProcessor.MAX_BYTES,
                getTranslation("idea.photo.too-large", PhotoProcessor.MAX_BYTES / (1024 * 1024)), (fileName, data) -> {
                    photo = data;
                    photoName.setText(getTranslation("idea.form.photo.added", fileName));
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
        photoDescription.setMaxLength(ProjectService.PHOTO_DESCRIPTION_MAX);
        photoDescription.setWidthFull();
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
        form.add(envelope, cost);
        form.add(location, 2);
        form.add(photoField, 2);
        layout.add(heading, FormErrors.requiredNote(this), form, submit);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var projectId = event.getRouteParameters().getLong("project");
        if (projectId.isPresent()) {
            editing = projects.detail(projectId.get()).filter(p -> p.can().edit()).orElse(null);
            campaign = editing == null ? null : campaigns.detail(editing.campaignId()).orElse(null);
        } else {
            campaign = campaigns.detail(event.getRouteParameters().getLong("campaign").orElse(-1L)).orElse(null);
        }
        if (campaign == null) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        if (editing == null && campaign.can().propose() != ProposeAccess.ALLOWED) {
            refuse(campaign.can().propose());
            return;
        }
        envelope.setItems(campaign.envelopes());
        envelope.setItemLabelGenerator(e -> e == null ? "" : getTranslation("budget.project.envelope-choice",
                BudgetTexts.envelope(this, e), BudgetTexts.euros(this, e.amountCents())));
        if (editing != null) {
            heading.setText(getTranslation("budget.project.form.edit"));
            submit.setText(getTranslation("idea.form.save"));
            title.setValue(editing.title());
            description.setValue(editing.description());
            envelope.setValue(editing.envelope());
            location.setValue(editing.location() == null ? "" : editing.location());
            cost.setValue((int) (editing.estimatedCostCents() / 100));
            photoDescription.setValue(editing.photoDescription() == null ? "" : editing.photoDescription());
        } else {
            heading.setText(getTranslation("budget.project.form.new", campaign.title()));
            submit.setText(getTranslation("budget.project.form.submit"));
            campaign.envelopes().stream().filter(Envelope::wholeTown).findFirst().ifPresent(envelope::setValue);
        }
    }

    private void refuse(ProposeAccess access) {
        getContent().removeAll();
        getContent().add(new H1(getTranslation("budget.project.propose")));
        String reason = switch (access) {
            case CONFIRM_EMAIL -> "budget.project.confirm-first";
            case NOT_ALLOWED -> "budget.project.residents-only";
            default -> "budget.project.submission-closed";
        };
        getContent().add(new Paragraph(getTranslation(reason)));
        if (access == ProposeAccess.CONFIRM_EMAIL) {
            getContent().add(new Anchor("profile", getTranslation("layout.unconfirmed.link")));
        }
        getContent().add(new Anchor(ContentKey.budgetCampaign(campaign.id()).path(), "← " + campaign.title()));
    }

    private void showSimilar(String text) {
        similar.removeAll();
        List<ProjectCard> matches = projects.similar(campaign.id(), text).stream()
                .filter(c -> editing == null || c.id() != editing.id()).toList();
        similar.setVisible(!matches.isEmpty());
        if (matches.isEmpty()) {
            return;
        }
        similar.add(new H2(getTranslation("budget.project.form.similar")), new Paragraph(getTranslation("budget.project.form.similar.help")));
        UnorderedList list = new UnorderedList();
        for (ProjectCard match : matches) {
            Anchor link = new Anchor(ContentKey.budgetProject(match.id()).path(), match.title());
            link.getElement().setAttribute("lang", match.lang());
            link.setTarget("_blank");
            list.add(new ListItem(link, new Span(" · " + getTranslation("budget.project.status." + match.status().name()))));
        }
        similar.add(list);
    }

    private void save() {
        Map<String, HasValidation> fields = Map.of("title", title, "description", description, "envelopeId", envelope,
                "location", location, "costEuros", cost, "photoDescription", photoDescription);
        FormErrors.clear(fields);
        ProjectDraft draft = new ProjectDraft(title.getValue(), description.getValue(), envelope.getOptionalValue().map(Envelope::id).orElse(null),
                location.getValue(), cost.getValue() == null ? null : cost.getValue().longValue(), photo, photoDescription.getValue());
        try {
            long id;
            if (editing == null) {
                id = projects.propose(campaign.id(), draft);
            } else {
                projects.edit(editing.id(), draft, editing.version());
                id = editing.id();
            }
            getUI().ifPresent(ui -> ui.navigate(ContentKey.budgetProject(id).path()));
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
    public String getPageTitle() {
        return getTranslation(editing == null ? "budget.project.propose" : "budget.project.form.edit") + " · " + getTranslation("app.name");
    }
}
