package org.participe.budget.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Map;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.participe.base.TownZone;
import org.participe.base.content.ContentKey;
import org.participe.base.ui.FormErrors;
import org.participe.base.ui.PlainText;
import org.participe.base.validation.InvalidInputException;
import org.participe.budget.BudgetResultService;
import org.participe.budget.ProjectCard;
import org.participe.budget.ProjectDetail;
import org.participe.budget.ProjectFilter;
import org.participe.budget.ProjectReview;
import org.participe.budget.ProjectService;
import org.participe.budget.ProjectStatus;

/**
 * One budget project: what it is, what it costs (and the town's correction, with its reason), its
 * envelope and status, and the public answer of its feasibility review. Staff and officials review
 * it here while the campaign is in submission or review.
 */
@Route("budget-projects/:id([0-9]+)")
@AnonymousAllowed
public class ProjectView extends Composite<VerticalLayout> implements BeforeEnterObserver, HasDynamicTitle {

    private final ProjectService projects;
    final RadioButtonGroup<ProjectStatus> decision = new RadioButtonGroup<>();
    final TextArea answer = new TextArea();
    final IntegerField correctedCost = new IntegerField();
    final TextField costReason = new TextField();
    final ComboBox<ProjectCard> mergedInto = new ComboBox<>();
    final DatePicker dueOn = new DatePicker();
    final Button saveReview = new Button();
    private ProjectDetail project;
    private final BudgetResultService results;

    public ProjectView(ProjectService projects, BudgetResultService results) {
        this.projects = projects;
        this.results = results;
        getContent().setPadding(false);
        getContent().addClassName("idea-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        project = projects.detail(event.getRouteParameters().getLong("id").orElse(-1L)).orElse(null);
        if (project == null) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        render();
    }

    private void render() {
        VerticalLayout page = getContent();
        page.removeAll();
        page.add(new Anchor(ContentKey.budgetCampaign(project.campaignId()).path(), "← " + project.campaignTitle()));
        Div tags = new Div(BudgetTexts.statusBadge(this, project.status()), BudgetTexts.tag(BudgetTexts.envelope(this, project.envelope())));
        tags.addClassName("idea-tags");
        H1 heading = new H1(project.title());
        heading.getElement().setAttribute("lang", project.lang());
        page.add(tags, heading);
        if (project.hasPhoto()) {
            Image photo = new Image("media/budget-projects/" + project.id() + ".jpg",
                    project.photoDescription() == null ? getTranslation("budget.project.photo-of", project.title()) : project.photoDescription());
            photo.addClassName("idea-photo");
            page.add(photo);
        }
        page.add(facts());
        Div text = new Div();
        text.addClassName("idea-text");
        text.getElement().setAttribute("lang", project.lang());
        PlainText.paragraphs(project.description()).forEach(text::add);
        page.add(text);
        if (project.can().edit()) {
            Anchor edit = new Anchor("budget-projects/" + project.id() + "/edit", getTranslation("budget.project.form.edit"));
            edit.addClassNames("button-link", "button-link-outline");
            page.add(edit);
        }
        if (project.reviewAnswer() != null) {
            page.add(answerSection());
        }
        if (project.can().review()) {
            page.add(reviewForm());
        }
        if (project.can().setDue()) {
            page.add(dueForm());
        }
    }

    private Div facts() {
        Div facts = new Div();
        facts.addClassName("initiative-facts");
        facts.add(new Paragraph(getTranslation("budget.project.cost-line", BudgetTexts.euros(this, project.costCents()))));
        if (project.costCorrected()) {
            Paragraph corrected = new Paragraph(getTranslation("budget.project.cost-corrected",
                    BudgetTexts.euros(this, project.estimatedCostCents()), project.costReason()));
            corrected.addClassName("form-note");
            facts.add(corrected);
        }
        results.initiativeOf(project.id()).ifPresent(initiative -> {
            Anchor link = new Anchor(ContentKey.initiative(initiative).path(), getTranslation("budget.project.initiative-link"));
            link.addClassName("budget-project-initiative");
            facts.add(new Paragraph(link));
        });
        if (project.location() != null) {
            facts.add(new Paragraph(getTranslation("budget.project.location-line", project.location())));
        }
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale()).withZone(TownZone.zone());
        String author = project.authorName() == null ? getTranslation("budget.project.author-unknown") : project.authorName();
        facts.add(new Paragraph(getTranslation("budget.project.proposed-by", author, date.format(project.createdAt()))));
        if (project.status() == ProjectStatus.SUBMITTED && project.reviewDueOn() != null) {
            facts.add(new Paragraph(getTranslation("budget.project.review-due", BudgetTexts.day(this, project.reviewDueOn()))));
        }
        return facts;
    }

    private Section answerSection() {
        Section section = new Section();
        section.addClassName("official-answer");
        section.add(new H2(getTranslation("budget.review.title")));
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale()).withZone(TownZone.zone());
        if (project.reviewedAt() != null) {
            Paragraph meta = new Paragraph(getTranslation("budget.review.by",
                    project.reviewerName() == null ? getTranslation("budget.project.author-unknown") : project.reviewerName(),
                    date.format(project.reviewedAt())));
            meta.addClassName("comment-date");
            section.add(meta);
        }
        Div text = new Div();
        PlainText.paragraphs(project.reviewAnswer()).forEach(text::add);
        section.add(text);
        if (project.mergedInto() != null) {
            section.add(new Paragraph(getTranslation("budget.review.merged-into")),
                    new Anchor(ContentKey.budgetProject(project.mergedInto()).path(), project.mergedIntoTitle()));
        }
        return section;
    }

    private Section reviewForm() {
        Section section = new Section();
        section.addClassName("staff-tools");
        section.add(new H2(getTranslation("budget.review.form")));
        decision.setLabel(getTranslation("budget.review.decision"));
        decision.setItems(ProjectStatus.FEASIBLE, ProjectStatus.NOT_FEASIBLE, ProjectStatus.MERGED);
        decision.setItemLabelGenerator(s -> getTranslation("budget.review.decision." + s.name()));
        decision.setRequiredIndicatorVisible(true);
        if (project.status().isReviewDecision()) {
            decision.setValue(project.status());
        }
        answer.setLabel(getTranslation("budget.review.answer"));
        answer.setHelperText(getTranslation("budget.review.answer.help"));
        answer.setRequiredIndicatorVisible(true);
        answer.setMaxLength(ProjectService.ANSWER_MAX);
        answer.setMinHeight("6rem");
        answer.setValue(project.reviewAnswer() == null ? "" : project.reviewAnswer());
        correctedCost.setLabel(getTranslation("budget.review.corrected-cost"));
        correctedCost.setHelperText(getTranslation("budget.review.corrected-cost.help", BudgetTexts.euros(this, project.estimatedCostCents())));
        correctedCost.setMin(1);
        if (project.costCorrected()) {
            correctedCost.setValue((int) (project.costCents() / 100));
        }
        costReason.setLabel(getTranslation("budget.review.cost-reason"));
        costReason.setMaxLength(ProjectService.COST_REASON_MAX);
        costReason.setValue(project.costReason() == null ? "" : project.costReason());
        mergedInto.setLabel(getTranslation("budget.review.merged-into-field"));
        mergedInto.setItemLabelGenerator(ProjectCard::title);
        mergedInto.setItems(query -> projects.list(project.campaignId(), ProjectFilter.all(), query.getOffset(), query.getLimit()).stream()
                .filter(card -> card.id() != project.id() && card.status() != ProjectStatus.MERGED && card.status() != ProjectStatus.WITHDRAWN));
        mergedInto.setVisible(decision.getValue() == ProjectStatus.MERGED);
        decision.addValueChangeListener(e -> mergedInto.setVisible(e.getValue() == ProjectStatus.MERGED));
        saveReview.setText(getTranslation("budget.review.save"));
        saveReview.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveReview.addClickListener(e -> review());
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        form.add(decision, 2);
        form.add(mergedInto, 2);
        form.add(answer, 2);
        form.add(correctedCost, costReason);
        section.add(FormErrors.requiredNote(this), form, saveReview);
        return section;
    }

    private void review() {
        Map<String, HasValidation> fields = new HashMap<>(Map.<String, HasValidation>of("decision", decision, "answer", answer, "correctedCost", correctedCost,
                "costReason", costReason, "mergedInto", mergedInto));
        FormErrors.clear(fields);
        ProjectReview review = new ProjectReview(decision.getValue(), answer.getValue(),
                correctedCost.getValue() == null ? null : correctedCost.getValue().longValue(), costReason.getValue(),
                mergedInto.getOptionalValue().map(ProjectCard::id).orElse(null));
        try {
            projects.review(project.id(), review, project.version());
            FormErrors.success(getTranslation("budget.review.saved"));
            project = projects.detail(project.id()).orElseThrow();
            render();
        } catch (InvalidInputException refusal) {
            FormErrors.show(this, refusal, fields);
        }
    }

    private Section dueForm() {
        Section section = new Section();
        section.addClassName("staff-tools");
        dueOn.setLabel(getTranslation("budget.review.due-on"));
        dueOn.setLocale(getLocale());
        dueOn.setValue(project.reviewDueOn());
        Button save = new Button(getTranslation("budget.review.due-save"), e -> {
            try {
                projects.setReviewDue(project.id(), dueOn.getValue());
                FormErrors.success(getTranslation("budget.review.due-saved"));
            } catch (InvalidInputException refusal) {
                FormErrors.show(this, refusal, Map.of("dueOn", dueOn));
            }
        });
        Div row = new Div(dueOn, save);
        row.addClassName("inline-form");
        section.add(row);
        return section;
    }

    @Override
    public String getPageTitle() {
        return (project == null ? getTranslation("budget.projects") : project.title()) + " · " + getTranslation("app.name");
    }
}
