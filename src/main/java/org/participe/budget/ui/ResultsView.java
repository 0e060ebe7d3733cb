package org.participe.budget.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeDetails;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.participe.base.TownZone;
import org.participe.base.ui.FormErrors;
import org.participe.base.ui.Tables;
import org.participe.base.validation.InvalidInputException;
import org.participe.budget.BudgetResultService;
import org.participe.budget.CountExplanation;
import org.participe.budget.CountedProject;
import org.participe.budget.EnvelopeResult;
import org.participe.budget.TurnoutGroup;
import org.participe.budget.VoteResults;
import org.participe.town.Category;
import org.participe.town.TownService;

/**
 * The results of a citizens' budget, for everyone once the vote has closed: per envelope the winners
 * and the money spent, the votes per project (a chart, and the same figures in a table), the rule and
 * why each project won or lost, the anonymised ballots to download (pabulib), and the turnout by
 * neighbourhood and age band (groups under five never shown). Staff may run a count that is due.
 */
@Route("budgets/:campaignId([0-9]+)/results")
@AnonymousAllowed
public class ResultsView extends Composite<VerticalLayout> implements BeforeEnterObserver, HasDynamicTitle {

    private final BudgetResultService results;
    private long campaignId;
    private VoteResults shown;
    private final TownService town;

    public ResultsView(BudgetResultService results, TownService town) {
        this.results = results;
        this.town = town;
        getContent().setPadding(false);
        getContent().addClassName("results-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        campaignId = event.getRouteParameters().getLong("campaignId").orElse(-1L);
        shown = results.results(campaignId).orElse(null);
        render();
    }

    @Override
    public String getPageTitle() {
        return shown == null ? getTranslation("budget.results.title") : getTranslation("budget.results.page-title", shown.title());
    }

    private void render() {
        VerticalLayout content = getContent();
        content.removeAll();
        content.add(new Anchor("budgets/" + campaignId, "← " + getTranslation("budget.ballot.back")));
        if (shown == null) {
            content.add(new H1(getTranslation("budget.results.title")), new Paragraph(getTranslation("budget.results.not-yet")));
            return;
        }
        content.add(new H1(getTranslation("budget.results.heading", shown.title())));
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale());
        if (!shown.counted()) {
            content.add(new Paragraph(getTranslation("budget.results.counting", day.format(shown.voteClosesAt().minusNanos(1).atZone(TownZone.zone())))));
            if (shown.canCount()) {
                Button count = new Button(getTranslation("budget.results.count-now"), e -> {
                    results.countNow(campaignId);
                    shown = results.results(campaignId).orElse(null);
                    render();
                });
                count.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                content.add(count);
            }
            return;
        }
        content.add(new Paragraph(getTranslation("budget.results.summary", shown.voters(),
                day.format(shown.voteClosesAt().minusNanos(1).atZone(TownZone.zone())))));
        content.add(new Paragraph(getTranslation("budget.results.rule." + shown.countingRule())));
        for (EnvelopeResult envelope : shown.envelopes()) {
            content.add(envelope(envelope));
        }
        content.add(turnout(), receiptCheck());
        if (results.mayCreateInitiatives()) {
            content.add(winnerInitiatives());
        }
    }

    /** Staff turn the winning projects into initiatives of a category they choose (projects already turned are skipped). */
    private Section winnerInitiatives() {
        Section section = new Section();
        section.addClassName("results-initiatives");
        section.add(new H2(getTranslation("budget.results.initiatives.title")), new Paragraph(getTranslation("budget.results.initiatives.help")));
        ComboBox<Category> category = new ComboBox<>(getTranslation("ideas.category"));
        category.setItems(town.activeCategories());
        category.setItemLabelGenerator(c -> c.name(getLocale()));
        category.setRequiredIndicatorVisible(true);
        Paragraph outcome = new Paragraph();
        outcome.getElement().setAttribute("role", "status");
        Button create = new Button(getTranslation("budget.results.initiatives.create"), e -> {
            if (category.getValue() == null) {
                category.setErrorMessage(getTranslation("idea.category.required"));
                category.setInvalid(true);
                return;
            }
            category.setInvalid(false);
            try {
                int created = results.createWinnerInitiatives(campaignId, category.getValue().id());
                outcome.setText(getTranslation("budget.results.initiatives.created", created));
            } catch (InvalidInputException refusal) {
                FormErrors.show(this, refusal, Map.of("categoryId", category));
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        section.add(category, create, outcome);
        return section;
    }

    /** A voter checks that the ballot of their receipt was counted. */
    private Section receiptCheck() {
        Section section = new Section();
        section.addClassName("results-receipt");
        TextField code = new TextField(getTranslation("budget.receipt.field"));
        code.setHelperText(getTranslation("budget.receipt.help"));
        code.setMaxLength(14);
        Paragraph answer = new Paragraph();
        answer.getElement().setAttribute("role", "status");
        Button check = new Button(getTranslation("budget.receipt.check"), e -> answer.setText(getTranslation(
                results.receiptCounted(campaignId, code.getValue()) ? "budget.receipt.counted" : "budget.receipt.unknown")));
        Div row = new Div(code, check);
        row.addClassName("results-receipt-row");
        section.add(new H2(getTranslation("budget.receipt.heading")), row, answer);
        return section;
    }

    private String name(EnvelopeResult envelope) {
        return envelope.neighbourhoodName() == null ? getTranslation("budget.envelope.town") : envelope.neighbourhoodName();
    }

    private String euros(long cents) {
        return Money.euros(cents, getLocale());
    }

    private Section envelope(EnvelopeResult envelope) {
        Section section = new Section();
        section.addClassNames("results-envelope", "card");
        section.add(new H2(getTranslation("budget.ballot.envelope", name(envelope), euros(envelope.amountCents()))));
        section.add(new Paragraph(getTranslation("budget.results.envelope.summary", envelope.ballots(), euros(envelope.spentCents()),
                euros(envelope.amountCents()))));
        List<CountedProject> winners = envelope.projects().stream().filter(CountedProject::selected)
                .sorted((a, b) -> Integer.compare(a.rank(), b.rank())).toList();
        section.add(new H3(getTranslation("budget.results.winners")));
        if (winners.isEmpty()) {
            section.add(new Paragraph(getTranslation("budget.results.no-winner")));
        } else {
            OrderedList list = new OrderedList();
            list.addClassName("results-winners");
            for (CountedProject winner : winners) {
                ListItem item = new ListItem();
                item.add(new Anchor("budget-projects/" + winner.id(), winner.title()));
                item.add(new Text(" — " + getTranslation("budget.results.winner.facts", euros(winner.costCents()), winner.votes())));
                list.add(item);
            }
            section.add(list);
        }
        section.add(new H3(getTranslation("budget.results.votes")));
        section.add(new VotesChart(envelope.projects().stream().map(p -> new VotesChart.Bar(p.title(), p.votes(), p.selected())).toList(),
                getTranslation("budget.results.column.votes")));
        section.add(votesTable(envelope));
        section.add(why(envelope));
        Anchor file = new Anchor(BudgetResultService.pabulibPath(campaignId, envelope.envelopeId()).substring(1),
                getTranslation("budget.results.download", name(envelope)));
        file.getElement().setAttribute("download", true);
        file.setTarget(AnchorTarget.DEFAULT);
        file.addClassName("results-download");
        Paragraph open = new Paragraph(file);
        open.add(new Text(" " + getTranslation("budget.results.download.note")));
        section.add(open);
        return section;
    }

    private Div votesTable(EnvelopeResult envelope) {
        NativeTable table = new NativeTable();
        table.addClassName("figures-table");
        table.setCaptionText(getTranslation("budget.results.table.caption", name(envelope)));
        NativeTableRow head = table.getHead().addRow();
        for (String column : List.of("project", "cost", "votes", "outcome")) {
            Tables.columnHeader(head, getTranslation("budget.results.column." + column));
        }
        NativeTableBody body = table.addBody();
        for (CountedProject project : envelope.projects()) {
            NativeTableRow row = body.addRow();
            Tables.rowHeader(row, project.title());
            row.addDataCell().setText(euros(project.costCents()));
            row.addDataCell().setText(String.valueOf(project.votes()));
            row.addDataCell().setText(project.selected() ? getTranslation("budget.results.outcome.won", project.rank())
                    : getTranslation("budget.results.outcome.lost"));
        }
        return Tables.region(table, getTranslation("budget.results.table.caption", name(envelope)));
    }

    /** Why each project won or lost, from the count's explanation, in a disclosure (long for many projects). */
    private NativeDetails why(EnvelopeResult envelope) {
        Map<String, String> titles = new HashMap<>();
        envelope.projects().forEach(p -> titles.put(Long.toString(p.id()), p.title()));
        CountExplanation explanation = envelope.explanation();
        Div body = new Div();
        body.addClassName("results-why");
        if (CountExplanation.GREEDY.equals(explanation.rule())) {
            body.add(new Paragraph(getTranslation("budget.why.greedy.intro")));
            body.add(steps(explanation.steps(), titles));
            if (explanation.moneyRanOutAt() != null) {
                body.add(new Paragraph(getTranslation("budget.why.ran-out", titles.get(explanation.moneyRanOutAt()))));
            }
        } else {
            body.add(new Paragraph(getTranslation("budget.why.equal-shares.intro", envelope.ballots(),
                    Money.euros(CountExplanation.euros(explanation.initialShare()), getLocale()),
                    Money.euros(CountExplanation.euros(explanation.keptShare()), getLocale()), explanation.completion().size() - 1)));
            OrderedList rounds = new OrderedList();
            for (CountExplanation.Round round : explanation.rounds()) {
                ListItem item = new ListItem(new Text(getTranslation("budget.why.round", round.round(), titles.get(round.project()),
                        euros(round.cost()), round.votes(), Money.euros(CountExplanation.euros(round.maxPayment()), getLocale()),
                        CountExplanation.cents(round.effectiveVotes()).setScale(1, java.math.RoundingMode.HALF_EVEN))));
                for (CountExplanation.Payment payment : round.payments()) {
                    item.add(new Paragraph(getTranslation(payment.allTheyHad() ? "budget.why.paid.all" : "budget.why.paid",
                            payment.voters(), Money.euros(CountExplanation.euros(payment.amount()), getLocale()))));
                }
                rounds.add(item);
            }
            if (explanation.rounds().isEmpty()) {
                body.add(new Paragraph(getTranslation("budget.why.no-round")));
            } else {
                body.add(rounds);
            }
            List<CountExplanation.Unfunded> unfunded = explanation.notFunded().stream().filter(u -> u.votes() > 0).toList();
            if (!unfunded.isEmpty()) {
                body.add(new H3(getTranslation("budget.why.unfunded")));
                OrderedList list = new OrderedList();
                for (CountExplanation.Unfunded project : unfunded) {
                    list.add(new ListItem(new Text(getTranslation(project.fundedByFill() ? "budget.why.unfunded.filled" : "budget.why.unfunded.item",
                            titles.get(project.project()), project.votes(), Money.euros(CountExplanation.euros(project.supportersMoneyLeft()), getLocale()),
                            euros(project.cost())))));
                }
                body.add(list);
            }
            if (explanation.fillSteps().stream().anyMatch(s -> !"NO_VOTES".equals(s.decision()))) {
                body.add(new H3(getTranslation("budget.why.fill")));
                body.add(steps(explanation.fillSteps(), titles));
            }
        }
        NativeDetails details = new NativeDetails(getTranslation("budget.why.summary", name(envelope)), body);
        details.addClassName("results-why-details");
        return details;
    }

    private OrderedList steps(List<CountExplanation.Step> steps, Map<String, String> titles) {
        OrderedList list = new OrderedList();
        for (CountExplanation.Step step : steps) {
            list.add(new ListItem(new Text(getTranslation("budget.why.step." + step.decision(), titles.get(step.project()), step.votes(),
                    euros(step.cost()), euros(step.remainingAfter())))));
        }
        return list;
    }

    private Section turnout() {
        Section section = new Section();
        section.addClassName("results-turnout");
        section.add(new H2(getTranslation("budget.turnout")),
                new Paragraph(getTranslation("budget.turnout.intro", BudgetResultService.SMALLEST_GROUP)));
        for (TurnoutGroup.Dimension dimension : TurnoutGroup.Dimension.values()) {
            NativeTable table = new NativeTable();
            table.addClassName("figures-table");
            table.setCaptionText(getTranslation("budget.turnout." + dimension.name()));
            NativeTableRow head = table.getHead().addRow();
            Tables.columnHeader(head, getTranslation("budget.turnout.group"));
            Tables.columnHeader(head, getTranslation("budget.turnout.voters"));
            NativeTableBody body = table.addBody();
            for (TurnoutGroup group : shown.turnout().stream().filter(g -> g.dimension() == dimension).toList()) {
                NativeTableRow row = body.addRow();
                Tables.rowHeader(row, group.key() == null ? getTranslation("budget.turnout.undeclared")
                        : dimension == TurnoutGroup.Dimension.AGE_BAND ? getTranslation("budget.turnout.band." + group.key()) : group.label());
                row.addDataCell().setText(group.voters() == null ? getTranslation("budget.turnout.few", BudgetResultService.SMALLEST_GROUP)
                        : String.valueOf(group.voters()));
            }
            section.add(Tables.region(table, getTranslation("budget.turnout." + dimension.name())));
        }
        return section;
    }
}
