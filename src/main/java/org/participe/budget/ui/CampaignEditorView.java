package org.participe.budget.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import jakarta.annotation.security.RolesAllowed;
import org.participe.base.TownZone;
import org.participe.base.content.ContentKey;
import org.participe.base.ui.FormErrors;
import org.participe.base.validation.InvalidInputException;
import org.participe.budget.BallotKind;
import org.participe.budget.CampaignDetail;
import org.participe.budget.CampaignDraft;
import org.participe.budget.CampaignService;
import org.participe.budget.CountingRule;
import org.participe.budget.Envelope;
import org.participe.budget.EnvelopeDraft;
import org.participe.security.Roles;
import org.participe.town.Neighbourhood;
import org.participe.town.TownService;

/**
 * Staff write a campaign: its rules, envelopes, calendar (days of the town's time zone), ballot
 * kind and counting rule, each explained in plain words. Once the vote has opened, what the vote
 * depends on is shown fixed (and the service refuses to change it).
 */
@Route("admin/budgets/new")
@RouteAlias("admin/budgets/:id([0-9]+)")
@RolesAllowed({Roles.STAFF, Roles.ADMIN})
public class CampaignEditorView extends Composite<VerticalLayout> implements BeforeEnterObserver, HasDynamicTitle {

    private final CampaignService campaigns;
    final TextField title = new TextField();
    final TextArea rules = new TextArea();
    final IntegerField wholeTown = new IntegerField();
    final Map<Long, IntegerField> neighbourhoodAmounts = new LinkedHashMap<>();
    final DatePicker submissionFrom = new DatePicker();
    final DatePicker reviewFrom = new DatePicker();
    final DatePicker voteFrom = new DatePicker();
    final DatePicker voteUntil = new DatePicker();
    final DatePicker implementationFrom = new DatePicker();
    final IntegerField minimumAge = new IntegerField();
    final RadioButtonGroup<BallotKind> ballotKind = new RadioButtonGroup<>();
    final IntegerField maxProjects = new IntegerField();
    final RadioButtonGroup<CountingRule> countingRule = new RadioButtonGroup<>();
    final Checkbox published = new Checkbox();
    final Button save = new Button();
    private final H1 heading = new H1();
    private final Paragraph fixedNote = new Paragraph();
    private CampaignDetail editing;

    public CampaignEditorView(CampaignService campaigns, TownService town) {
        this.campaigns = campaigns;
        VerticalLayout layout = getContent();
        layout.addClassName("form-page");
        title.setLabel(getTranslation("budget.form.title"));
        title.setMaxLength(CampaignService.TITLE_MAX);
        title.setRequiredIndicatorVisible(true);
        rules.setLabel(getTranslation("budget.form.rules"));
        rules.setHelperText(getTranslation("budget.form.rules.help"));
        rules.setMaxLength(CampaignService.RULES_MAX);
        rules.setMinHeight("8rem");
        rules.setRequiredIndicatorVisible(true);

        wholeTown.setLabel(getTranslation("budget.form.whole-town"));
        wholeTown.setRequiredIndicatorVisible(true);
        euros(wholeTown);
        List<IntegerField> placeFields = new ArrayList<>();
        for (Neighbourhood place : town.activeNeighbourhoods()) {
            IntegerField amount = new IntegerField(getTranslation("budget.form.neighbourhood-envelope", place.name()));
            amount.setHelperText(getTranslation("budget.form.neighbourhood-envelope.help"));
            euros(amount);
            neighbourhoodAmounts.put(place.id(), amount);
            placeFields.add(amount);
        }

        String zone = TownZone.zone().getId();
        date(submissionFrom, "budget.form.submission-from", zone, true);
        date(reviewFrom, "budget.form.review-from", zone, true);
        date(voteFrom, "budget.form.vote-from", zone, true);
        date(voteUntil, "budget.form.vote-until", zone, true);
        date(implementationFrom, "budget.form.implementation-from", zone, false);

        minimumAge.setLabel(getTranslation("budget.form.minimum-age"));
        minimumAge.setMin(0);
        minimumAge.setMax(120);
        minimumAge.setValue(CampaignService.DEFAULT_MINIMUM_AGE);
        minimumAge.setStepButtonsVisible(true);

        ballotKind.setLabel(getTranslation("budget.form.ballot-kind"));
        ballotKind.setItems(BallotKind.values());
        ballotKind.setRenderer(new ComponentRenderer<>(kind -> explained("budget.ballot." + kind.name())));
        ballotKind.setValue(BallotKind.WITHIN_BUDGET);
        maxProjects.setLabel(getTranslation("budget.form.max-projects"));
        maxProjects.setMin(1);
        maxProjects.setMax(100);
        maxProjects.setStepButtonsVisible(true);
        maxProjects.setVisible(false);
        ballotKind.addValueChangeListener(e -> maxProjects.setVisible(e.getValue() == BallotKind.AT_MOST_K));

        countingRule.setLabel(getTranslation("budget.form.counting-rule"));
        countingRule.setItems(CountingRule.values());
        countingRule.setRenderer(new ComponentRenderer<>(rule -> explained("budget.rule." + rule.name())));
        countingRule.setValue(CountingRule.EQUAL_SHARES);

        published.setLabel(getTranslation("budget.form.published"));

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        form.add(title, 2);
        form.add(rules, 2);
        FormLayout money = new FormLayout();
        money.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        money.add(wholeTown, 2);
        placeFields.forEach(money::add);
        FormLayout calendar = new FormLayout();
        calendar.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        calendar.add(submissionFrom, reviewFrom, voteFrom, voteUntil, implementationFrom);
        FormLayout vote = new FormLayout();
        vote.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        vote.add(minimumAge, ballotKind, maxProjects, countingRule, published);

        fixedNote.addClassName("form-note");
        fixedNote.setText(getTranslation("budget.form.fixed-note"));
        fixedNote.setVisible(false);
        save.setText(getTranslation("budget.form.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        layout.add(heading, FormErrors.requiredNote(this), fixedNote, form,
                new H2(getTranslation("budget.envelopes")), new Paragraph(getTranslation("budget.form.envelopes.intro")), money,
                new H2(getTranslation("budget.timeline")), new Paragraph(getTranslation("budget.form.timeline.intro", zone)), calendar,
                new H2(getTranslation("budget.form.vote")), vote, save);
    }

    private void euros(IntegerField field) {
        field.setMin(1);
        Span suffix = new Span("€");
        suffix.getElement().setAttribute("aria-hidden", "true");
        field.setSuffixComponent(suffix);
    }

    private void date(DatePicker picker, String key, String zone, boolean required) {
        picker.setLabel(getTranslation(key));
        picker.setLocale(getLocale());
        picker.setRequiredIndicatorVisible(required);
        picker.setHelperText(required ? null : getTranslation("signup.optional"));
    }

    private Div explained(String key) {
        Span name = new Span(getTranslation(key));
        name.addClassName("choice-name");
        // The space keeps the name and its explanation apart in the option's accessible name.
        Span explanation = new Span(" " + getTranslation(key + ".help"));
        explanation.addClassName("choice-help");
        Div choice = new Div(name, explanation);
        choice.addClassName("explained-choice");
        return choice;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var id = event.getRouteParameters().getLong("id");
        if (id.isEmpty()) {
            heading.setText(getTranslation("budget.form.new"));
            return;
        }
        editing = campaigns.detail(id.get()).orElse(null);
        if (editing == null) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        heading.setText(getTranslation("budget.form.edit"));
        fill(editing);
    }

    private void fill(CampaignDetail campaign) {
        title.setValue(campaign.title());
        rules.setValue(campaign.rules());
        for (Envelope e : campaign.envelopes()) {
            IntegerField field = e.wholeTown() ? wholeTown : neighbourhoodAmounts.get(e.neighbourhoodId());
            if (field != null) {
                field.setValue((int) (e.amountCents() / 100));
            }
        }
        submissionFrom.setValue(campaign.submissionFrom());
        reviewFrom.setValue(campaign.reviewFrom());
        voteFrom.setValue(campaign.voteFrom());
        voteUntil.setValue(campaign.voteUntil());
        implementationFrom.setValue(campaign.implementationFrom());
        minimumAge.setValue(campaign.minimumAge());
        ballotKind.setValue(campaign.ballotKind());
        maxProjects.setValue(campaign.maxProjects());
        countingRule.setValue(campaign.countingRule());
        published.setValue(campaign.published());
        if (campaign.rulesFixed()) {
            fixedNote.setVisible(true);
            ballotKind.setReadOnly(true);
            maxProjects.setReadOnly(true);
            countingRule.setReadOnly(true);
            wholeTown.setReadOnly(true);
            neighbourhoodAmounts.values().forEach(field -> field.setReadOnly(true));
            voteFrom.setReadOnly(true);
            voteUntil.setReadOnly(campaign.phase().voteClosed());
        }
    }

    CampaignDraft draft() {
        List<EnvelopeDraft> envelopes = new ArrayList<>();
        envelopes.add(new EnvelopeDraft(null, wholeTown.getValue() == null ? null : wholeTown.getValue().longValue()));
        neighbourhoodAmounts.forEach((place, field) -> {
            if (field.getValue() != null) {
                envelopes.add(new EnvelopeDraft(place, field.getValue() == null ? null : field.getValue().longValue()));
            }
        });
        // A neighbourhood of the campaign no longer active keeps its envelope.
        if (editing != null) {
            editing.envelopes().stream().filter(e -> !e.wholeTown() && !neighbourhoodAmounts.containsKey(e.neighbourhoodId()))
                    .forEach(e -> envelopes.add(new EnvelopeDraft(e.neighbourhoodId(), e.amountCents() / 100)));
        }
        return new CampaignDraft(title.getValue(), rules.getValue(), envelopes, submissionFrom.getValue(), reviewFrom.getValue(),
                voteFrom.getValue(), voteUntil.getValue(), implementationFrom.getValue(), minimumAge.getValue(), ballotKind.getValue(),
                maxProjects.getValue(), countingRule.getValue(), published.getValue());
    }

    private void save() {
        Map<String, HasValidation> fields = new HashMap<>(Map.<String, HasValidation>of("title", title, "rules", rules, "wholeTown", wholeTown,
                "submissionFrom", submissionFrom, "reviewFrom", reviewFrom, "voteFrom", voteFrom, "voteUntil", voteUntil,
                "implementationFrom", implementationFrom, "minimumAge", minimumAge, "maxProjects", maxProjects));
        fields.put("ballotKind", ballotKind);
        fields.put("countingRule", countingRule);
        neighbourhoodAmounts.forEach((place, field) -> fields.put(CampaignService.envelopeField(place), field));
        FormErrors.clear(fields);
        try {
            long id;
            if (editing == null) {
                id = campaigns.create(draft());
            } else {
                campaigns.update(editing.id(), draft(), editing.version());
                id = editing.id();
            }
            FormErrors.success(getTranslation("budget.form.saved"));
            getUI().ifPresent(ui -> ui.navigate(ContentKey.budgetCampaign(id).path()));
        } catch (InvalidInputException refusal) {
            FormErrors.show(this, refusal, fields);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation(editing == null ? "budget.form.new" : "budget.form.edit") + " · " + getTranslation("app.name");
    }
}
