package org.participe.budget.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
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
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.participe.base.TownZone;
import org.participe.base.validation.InvalidInputException;
import org.participe.budget.BallotAccess;
import org.participe.budget.BallotPage;
import org.participe.budget.BallotProject;
import org.participe.budget.BallotRules;
import org.participe.budget.BallotService;
import org.participe.budget.EnvelopeBallot;
import org.participe.budget.Receipt;

/**
 * The ballot of a citizens' budget campaign: one section per envelope the person may vote in, its
 * feasible projects in the person's random order (its seed stated) or by cost or title, each a
 * checkbox with its cost and a link to its page; a running total and what remains, announced
 * politely to screen readers; a project that does not fit cannot be ticked (read-only, still reached
 * with Tab) and says why; a summary before casting, then a receipt. Who may not vote reads why. The server checks it all again.
 */
@Route("budgets/:campaignId([0-9]+)/vote")
@PermitAll
public class BallotView extends Composite<VerticalLayout> implements BeforeEnterObserver, HasDynamicTitle {

    /** How the projects are listed. */
    enum Order { RANDOM, COST_UP, COST_DOWN, TITLE }

    private final BallotService ballots;
    private BallotPage page;

    public BallotView(BallotService ballots) {
        this.ballots = ballots;
        getContent().setPadding(false);
        getContent().addClassName("ballot-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("campaignId").orElse(-1L);
        page = ballots.ballotPage(id).orElse(null);
        if (page == null) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        render();
    }

    @Override
    public String getPageTitle() {
        return page == null ? getTranslation("budget.ballot.title") : getTranslation("budget.ballot.page-title", page.title());
    }

    private void render() {
        VerticalLayout content = getContent();
        content.removeAll();
        content.add(new Anchor("budgets/" + page.campaignId(), "← " + getTranslation("budget.ballot.back")));
        content.add(new H1(getTranslation("budget.ballot.heading", page.title())));
        if (!page.access().allowed()) {
            content.add(refusal(page.access()));
            return;
        }
        // The vote closes at the midnight that ends its last day: say that day, as the campaign's calendar does.
        DateTimeFormatter lastDay = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale());
        content.add(new Paragraph(getTranslation("budget.ballot.closes", lastDay.format(page.voteClosesAt().minusNanos(1).atZone(TownZone.zone())))));
        content.add(new Paragraph(page.kind() == BallotRules.Kind.AT_MOST_K
                ? getTranslation("budget.ballot.how.at-most", page.maxProjects())
                : getTranslation("budget.ballot.how.within")));
        if (page.neighbourhoodUndeclared()) {
            Paragraph hint = new Paragraph(getTranslation("budget.ballot.neighbourhood-undeclared") + " ");
            hint.add(new Anchor("profile", getTranslation("budget.ballot.profile-link")));
            content.add(hint);
        } else if (page.otherNeighbourhoods()) {
            content.add(new Paragraph(getTranslation("budget.ballot.other-neighbourhoods")));
        }
        if (page.envelopes().isEmpty()) {
            content.add(new Paragraph(getTranslation("budget.ballot.no-envelope")));
        }
        for (EnvelopeBallot envelope : page.envelopes()) {
            content.add(new EnvelopeSection(envelope));
        }
    }

    private Div refusal(BallotAccess access) {
        Div box = new Div();
        box.addClassNames("card", "ballot-refusal");
        box.getElement().setAttribute("role", "status");
        box.add(new Paragraph(getTranslation("budget.ballot.refused." + access.name(), page.minimumAge())));
        switch (access) {
            case SIGN_IN -> box.add(new Anchor("login", getTranslation("budget.ballot.sign-in")));
            case BIRTH_YEAR_MISSING -> box.add(new Anchor("profile", getTranslation("budget.ballot.profile-link")));
            case CLOSED -> box.add(new Anchor("budgets/" + page.campaignId() + "/results", getTranslation("budget.ballot.see-results")));
            default -> {
            }
        }
        return box;
    }

    private String envelopeName(EnvelopeBallot envelope) {
        return envelope.neighbourhoodName() == null ? getTranslation("budget.envelope.town") : envelope.neighbourhoodName();
    }

    /** One envelope's ballot: choosing, then the summary, then the receipt. */
    private final class EnvelopeSection extends Composite<Section> {

        private final EnvelopeBallot envelope;
        private final Set<Long> chosen = new LinkedHashSet<>();
        private final Map<Long, Checkbox> boxes = new HashMap<>();
        private final Div list = new Div();
        private final Div total = new Div();
        private final Div stage = new Div();
        private final Paragraph error = new Paragraph();
        private final Select<Order> order = new Select<>();
        private final String headingId;
        private final Paragraph already = new Paragraph();
        private String receipt;

        EnvelopeSection(EnvelopeBallot envelope) {
            this.envelope = envelope;
            this.headingId = "envelope-" + envelope.envelopeId();
            this.receipt = envelope.receipt();
            chosen.addAll(envelope.myChoices());
            order.setLabel(getTranslation("budget.ballot.order"));
            order.setItems(Order.values());
            order.setItemLabelGenerator(o -> o == Order.RANDOM ? getTranslation("budget.ballot.order.RANDOM", page.seed())
                    : getTranslation("budget.ballot.order." + o.name()));
            order.setValue(Order.RANDOM);
            order.addValueChangeListener(e -> fillList());
            order.addClassName("ballot-order");
            Section section = getContent();
            section.addClassName("ballot-envelope");
            H2 heading = new H2(getTranslation("budget.ballot.envelope", envelopeName(envelope), Money.euros(envelope.amountCents(), getLocale())));
            heading.setId(headingId);
            section.getElement().setAttribute("aria-labelledby", headingId);
            section.add(heading);
            already.addClassName("ballot-already");
            section.add(already);
            showAlready();
            error.addClassName("ballot-error");
            error.getElement().setAttribute("role", "alert");
            error.setVisible(false);
            section.add(error, stage);
            showChoosing();
        }

        private void showChoosing() {
            stage.removeAll();
            Paragraph seed = new Paragraph(getTranslation("budget.ballot.seed", page.seed()));
            seed.addClassName("form-note");
            list.addClassName("ballot-projects");
            list.getElement().setAttribute("role", "group");
            list.getElement().setAttribute("aria-labelledby", headingId);
            total.addClassName("ballot-total");
            total.getElement().setAttribute("aria-live", "polite");
            Button review = new Button(getTranslation("budget.ballot.review"), e -> showSummary());
            review.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            review.addClassName("ballot-review");
            Div bar = new Div(total, review);
            bar.addClassName("ballot-bar");
            if (envelope.projects().isEmpty()) {
                stage.add(new Paragraph(getTranslation("budget.ballot.no-project")));
                return;
            }
            stage.add(order, seed, list, bar);
            fillList();
        }

        private void showAlready() {
            already.setText(receipt == null ? "" : getTranslation("budget.ballot.already", receipt));
            already.setVisible(receipt != null);
        }

        private List<BallotProject> ordered() {
            List<BallotProject> projects = new ArrayList<>(envelope.projects());
            switch (order.getValue() == null ? Order.RANDOM : order.getValue()) {
                case COST_UP -> projects.sort(Comparator.comparingLong(BallotProject::costCents).thenComparing(BallotProject::id));
                case COST_DOWN -> projects.sort(Comparator.comparingLong(BallotProject::costCents).reversed().thenComparing(BallotProject::id));
                case TITLE -> projects.sort(Comparator.comparing(BallotProject::title, String.CASE_INSENSITIVE_ORDER));
                case RANDOM -> {
                }
            }
            return projects;
        }

        private void fillList() {
            list.removeAll();
            boxes.clear();
            for (BallotProject project : ordered()) {
                Div card = new Div();
                card.addClassName("ballot-card");
                Checkbox box = new Checkbox(project.title());
                box.setValue(chosen.contains(project.id()));
                box.setId("ballot-project-" + envelope.envelopeId() + "-" + project.id());
                box.addValueChangeListener(e -> {
                    if (!e.isFromClient()) {
                        return;
                    }
                    if (e.getValue() && !fits(project)) {
                        // Ticked faster than the page learnt it no longer fits (a quick keyboard): undone, the reason shown.
                        box.setValue(false);
                    } else if (e.getValue()) {
                        chosen.add(project.id());
                    } else {
                        chosen.remove(project.id());
                    }
                    error.setVisible(false);
                    refresh();
                });
                Span cost = new Span(Money.euros(project.costCents(), getLocale()));
                cost.addClassName("ballot-card-cost");
                Paragraph summary = new Paragraph(project.summary());
                summary.addClassName("ballot-card-summary");
                Anchor more = new Anchor("budget-projects/" + project.id(), getTranslation("budget.ballot.project-link", project.title()));
                more.addClassName("ballot-card-link");
                Div head = new Div(box, cost);
                head.addClassName("ballot-card-head");
                card.add(head, summary, more);
                boxes.put(project.id(), box);
                list.add(card);
            }
            refresh();
        }

        private long chosenCents() {
            return envelope.projects().stream().filter(p -> chosen.contains(p.id())).mapToLong(BallotProject::costCents).sum();
        }

        private boolean fits(BallotProject project) {
            return chosen.contains(project.id())
                    || BallotRules.fits(page.kind(), page.maxProjects(), envelope.amountCents(), chosenCents(), chosen.size(), project.costCents());
        }

        /**
         * The total, what remains, and which projects may still be added. One that may not is read-only
         * rather than disabled: it stays in the Tab order, and its reason, the checkbox's helper text,
         * is read with it.
         */
        private void refresh() {
            long spent = chosenCents();
            long remaining = envelope.amountCents() - spent;
            if (page.kind() == BallotRules.Kind.AT_MOST_K) {
                total.setText(getTranslation("budget.ballot.total.at-most", chosen.size(), page.maxProjects(), Money.euros(spent, getLocale())));
            } else {
                total.setText(getTranslation("budget.ballot.total", Money.euros(spent, getLocale()), Money.euros(envelope.amountCents(), getLocale()),
                        Money.euros(remaining, getLocale())));
            }
            for (BallotProject project : envelope.projects()) {
                Checkbox box = boxes.get(project.id());
                if (box == null) {
                    continue;
                }
                boolean fits = fits(project);
                box.setReadOnly(!fits);
                box.setHelperText(fits ? null : page.kind() == BallotRules.Kind.AT_MOST_K
                        ? getTranslation("budget.ballot.no-more", page.maxProjects())
                        : getTranslation("budget.ballot.does-not-fit", Money.euros(remaining, getLocale())));
            }
        }

        private void showSummary() {
            stage.removeAll();
            H3 heading = new H3(getTranslation("budget.ballot.summary"));
            heading.getElement().setAttribute("tabindex", "-1");
            stage.add(heading);
            List<BallotProject> picked = envelope.projects().stream().filter(p -> chosen.contains(p.id())).toList();
            if (picked.isEmpty()) {
                stage.add(new Paragraph(getTranslation("budget.ballot.summary.empty")));
            } else {
                UnorderedList items = new UnorderedList();
                picked.forEach(p -> items.add(new ListItem(new Text(p.title() + " — " + Money.euros(p.costCents(), getLocale())))));
                stage.add(items);
            }
            stage.add(new Paragraph(getTranslation("budget.ballot.summary.total", Money.euros(chosenCents(), getLocale()),
                    Money.euros(envelope.amountCents(), getLocale()))));
            Button cast = new Button(getTranslation(receipt != null ? "budget.ballot.change" : "budget.ballot.cast"), e -> cast());
            cast.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            cast.addClassName("ballot-cast");
            Button back = new Button(getTranslation("budget.ballot.edit"), e -> showChoosing());
            back.addClassName("ballot-edit");
            Div actions = new Div(cast, back);
            actions.addClassName("ballot-actions");
            stage.add(actions);
            heading.getElement().callJsFunction("focus");
        }

        private void cast() {
            try {
                Receipt cast = ballots.cast(page.campaignId(), envelope.envelopeId(), Set.copyOf(chosen));
                receipt = cast.code();
                showAlready();
                showReceipt(cast);
            } catch (InvalidInputException refused) {
                var reason = refused.errors().values().iterator().next();
                error.setText(getTranslation(reason.messageKey(), reason.arguments()));
                error.setVisible(true);
                showChoosing();
            }
        }

        private void showReceipt(Receipt cast) {
            stage.removeAll();
            H3 heading = new H3(getTranslation("budget.ballot.receipt.heading"));
            heading.getElement().setAttribute("tabindex", "-1");
            Paragraph code = new Paragraph(getTranslation("budget.ballot.receipt.code"));
            Span value = new Span(cast.code());
            value.addClassName("ballot-receipt-code");
            code.add(new Text(" "), value);
            Div box = new Div(heading, code, new Paragraph(getTranslation("budget.ballot.receipt.keep")),
                    new Paragraph(getTranslation("budget.ballot.receipt.change")));
            box.addClassNames("card", "ballot-receipt");
            Button again = new Button(getTranslation("budget.ballot.change-again"), e -> showChoosing());
            stage.add(box, again);
            heading.getElement().callJsFunction("focus");
        }
    }
}
