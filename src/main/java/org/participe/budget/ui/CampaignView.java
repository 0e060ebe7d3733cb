package org.participe.budget.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.participe.base.content.ContentKey;
import org.participe.base.ui.PlainText;
import org.participe.base.ui.QueryParams;
import org.participe.budget.BallotKind;
import org.participe.budget.CampaignDetail;
import org.participe.budget.CampaignService;
import org.participe.budget.Envelope;
import org.participe.budget.PhaseStep;
import org.participe.budget.ProjectCard;
import org.participe.budget.ProjectFilter;
import org.participe.budget.ProjectService;
import org.participe.budget.ProjectStatus;
import org.participe.follows.FollowService;
import org.participe.follows.ui.FollowButton;

/**
 * One campaign: its rules, envelopes, calendar (the current phase marked), and its projects with
 * filters kept in the URL. What the viewer may do (propose, vote, read the results, edit) comes
 * from the campaign's capabilities.
 */
@Route("budgets/:id([0-9]+)")
@AnonymousAllowed
public class CampaignView extends Composite<VerticalLayout> implements BeforeEnterObserver, HasDynamicTitle {

    static final int PAGE = 20;

    private final CampaignService campaigns;
    private final ProjectService projects;
    private final FollowService follows;
    final Select<Long> envelope = new Select<>();
    final Select<ProjectStatus> status = new Select<>();
    private final Div list = new Div();
    private final Paragraph summary = new Paragraph();
    final Button more = new Button();
    private CampaignDetail campaign;
    private ProjectFilter filter = ProjectFilter.all();
    private int loaded;
    private boolean applyingUrl;

    public CampaignView(CampaignService campaigns, ProjectService projects, FollowService follows) {
        this.campaigns = campaigns;
        this.projects = projects;
        this.follows = follows;
        getContent().setPadding(false);
        getContent().addClassName("idea-page");
        envelope.setLabel(getTranslation("budget.project.envelope"));
        envelope.setEmptySelectionAllowed(true);
        envelope.setEmptySelectionCaption(getTranslation("ideas.all"));
        status.setLabel(getTranslation("ideas.status"));
        status.setItems(ProjectStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("ideas.all"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("ideas.all") : getTranslation("budget.project.status." + s.name()));
        envelope.addValueChangeListener(e -> filtersChanged());
        status.addValueChangeListener(e -> filtersChanged());
        list.addClassName("idea-list");
        summary.addClassName("ideas-summary");
        summary.getElement().setAttribute("aria-live", "polite");
        more.setText(getTranslation("ideas.more"));
        more.addClickListener(e -> loadMore());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        campaign = campaigns.detail(event.getRouteParameters().getLong("id").orElse(-1L)).orElse(null);
        if (campaign == null) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        render();
        QueryParams query = QueryParams.of(event.getLocation().getQueryParameters());
        applyingUrl = true;
        try {
            envelope.setValue(query.id("envelope").filter(id -> campaign.envelope(id).isPresent()).orElse(null));
            status.setValue(query.choice("status", ProjectStatus.class).orElse(null));
        } finally {
            applyingUrl = false;
        }
        filter = new ProjectFilter(envelope.getValue(), status.getValue());
        list.removeAll();
        loaded = 0;
        long total = projects.count(campaign.id(), filter);
        summary.setText(total == 0 ? getTranslation("budget.projects.none") : getTranslation("budget.projects.count", total));
        loadMore();
    }

    private void render() {
        VerticalLayout page = getContent();
        page.removeAll();
        page.add(new Anchor("budgets", "← " + getTranslation("budget.campaigns.back")));
        Div tags = new Div(BudgetTexts.phaseBadge(this, campaign.phase()));
        tags.addClassName("idea-tags");
        if (!campaign.published()) {
            tags.add(BudgetTexts.tag(getTranslation("budget.campaign.draft")));
        }
        H1 heading = new H1(campaign.title());
        heading.getElement().setAttribute("lang", campaign.lang());
        page.add(tags, heading, actions(), envelopes(), timeline(), rules(), projectsSection());
    }

    private Div actions() {
        Div actions = new Div();
        actions.addClassName("idea-actions");
        String base = ContentKey.budgetCampaign(campaign.id()).path();
        if (campaign.can().propose().offered()) {
            Anchor propose = new Anchor(base + "/propose", getTranslation("budget.project.propose"));
            propose.addClassNames("button-link", "button-link-solid");
            actions.add(propose);
        }
        if (campaign.can().vote()) {
            Anchor vote = new Anchor(base + "/vote", getTranslation("budget.campaign.vote"));
            vote.addClassNames("button-link", "button-link-solid");
            actions.add(vote);
        }
        if (campaign.can().results()) {
            Anchor results = new Anchor(base + "/results", getTranslation("budget.campaign.results"));
            results.addClassNames("button-link", "button-link-solid");
            actions.add(results);
        }
        if (campaign.can().follow()) {
            actions.add(new FollowButton(follows, ContentKey.budgetCampaign(campaign.id())));
        }
        if (campaign.can().edit()) {
            Anchor edit = new Anchor("admin/budgets/" + campaign.id(), getTranslation("budget.campaign.edit"));
            edit.addClassNames("button-link", "button-link-outline");
            actions.add(edit);
        }
        return actions;
    }

    private Section envelopes() {
        Section section = new Section();
        section.addClassName("budget-envelopes");
        section.add(new H2(getTranslation("budget.envelopes")));
        UnorderedList items = new UnorderedList();
        items.addClassName("budget-envelope-list");
        for (Envelope e : campaign.envelopes()) {
            Span name = new Span(getTranslation("budget.envelope.label", BudgetTexts.envelope(this, e)));
            name.addClassName("budget-envelope-name");
            Span amount = new Span(BudgetTexts.euros(this, e.amountCents()));
            amount.addClassName("budget-envelope-amount");
            items.add(new ListItem(name, amount));
        }
        section.add(items);
        String ballot = campaign.ballotKind() == BallotKind.AT_MOST_K
                ? getTranslation("budget.ballot.AT_MOST_K.public", campaign.maxProjects())
                : getTranslation("budget.ballot.WITHIN_BUDGET.public");
        section.add(new Paragraph(ballot),
                new Paragraph(getTranslation("budget.rule." + campaign.countingRule().name() + ".public")),
                new Paragraph(getTranslation("budget.campaign.minimum-age.public", campaign.minimumAge())));
        return section;
    }

    private Section timeline() {
        Section section = new Section();
        section.addClassName("initiative-phases");
        section.add(new H2(getTranslation("budget.timeline")));
        OrderedList steps = new OrderedList();
        steps.addClassName("phase-timeline");
        for (PhaseStep step : campaign.timeline()) {
            String when = step.when().name().toLowerCase(Locale.ROOT);
            Span state = new Span(getTranslation("initiative.phase." + when));
            state.addClassName("phase-state");
            H3 name = new H3(BudgetTexts.phase(this, step.phase()));
            Paragraph dates = new Paragraph(step.until() == null
                    ? getTranslation("budget.timeline.from", BudgetTexts.day(this, step.from()))
                    : step.until().equals(step.from()) ? getTranslation("budget.timeline.on", BudgetTexts.day(this, step.from()))
                    : getTranslation("initiative.phase.dates-range", BudgetTexts.day(this, step.from()), BudgetTexts.day(this, step.until())));
            dates.addClassName("phase-dates");
            ListItem item = new ListItem(state, name, dates);
            item.addClassNames("phase", "phase-" + when);
            if (step.when() == PhaseStep.When.CURRENT) {
                item.getElement().setAttribute("aria-current", "step");
            }
            steps.add(item);
        }
        section.add(steps);
        return section;
    }

    private Section rules() {
        Section section = new Section();
        section.add(new H2(getTranslation("budget.rules")));
        Div text = new Div();
        text.addClassName("idea-text");
        text.getElement().setAttribute("lang", campaign.lang());
        PlainText.paragraphs(campaign.rules()).forEach(text::add);
        section.add(text);
        return section;
    }

    private Section projectsSection() {
        Section section = new Section();
        section.addClassName("budget-projects");
        section.add(new H2(getTranslation("budget.projects")));
        envelope.setItems(campaign.envelopes().stream().map(Envelope::id).toList());
        envelope.setItemLabelGenerator(id -> id == null ? getTranslation("ideas.all")
                : campaign.envelope(id).map(e -> BudgetTexts.envelope(this, e)).orElse(""));
        Div filters = new Div(envelope, status);
        filters.addClassName("idea-filters");
        filters.getElement().setAttribute("role", "search");
        filters.getElement().setAttribute("aria-label", getTranslation("budget.projects.filters"));
        section.add(filters, summary, list, more);
        return section;
    }

    private void filtersChanged() {
        if (applyingUrl) {
            return;
        }
        Map<String, String> query = new HashMap<>();
        envelope.getOptionalValue().ifPresent(id -> query.put("envelope", String.valueOf(id)));
        status.getOptionalValue().ifPresent(s -> query.put("status", s.name()));
        getUI().ifPresent(ui -> ui.navigate(ContentKey.budgetCampaign(campaign.id()).path(), QueryParameters.simple(query)));
    }

    private void loadMore() {
        List<ProjectCard> page = projects.list(campaign.id(), filter, loaded, PAGE);
        page.forEach(card -> list.add(card(card)));
        loaded += page.size();
        more.setVisible(page.size() == PAGE);
    }

    private Article card(ProjectCard project) {
        Article card = new Article();
        card.addClassName("idea-card");
        if (project.hasPhoto()) {
            // Decorative next to the title, as on the ideas' cards: the project's page describes its photo.
            Image thumbnail = new Image("media/budget-projects/" + project.id() + "-thumbnail.jpg", "");
            thumbnail.addClassName("idea-card-photo");
            thumbnail.getElement().setAttribute("loading", "lazy");
            card.add(thumbnail);
        }
        Div body = new Div();
        body.addClassName("idea-card-body");
        H3 title = new H3();
        title.addClassName("idea-card-title");
        title.getElement().setAttribute("lang", project.lang());
        title.add(new Anchor(ContentKey.budgetProject(project.id()).path(), project.title()));
        Div tags = new Div(BudgetTexts.statusBadge(this, project.status()));
        tags.addClassName("idea-tags");
        campaign.envelope(project.envelopeId()).ifPresent(e -> tags.add(BudgetTexts.tag(BudgetTexts.envelope(this, e))));
        Paragraph cost = new Paragraph(getTranslation("budget.project.cost-line", BudgetTexts.euros(this, project.costCents())));
        cost.addClassName("budget-cost");
        body.add(title, tags, cost);
        card.add(body);
        return card;
    }

    @Override
    public String getPageTitle() {
        return (campaign == null ? getTranslation("budget.campaigns.title") : campaign.title()) + " · " + getTranslation("app.name");
    }
}
