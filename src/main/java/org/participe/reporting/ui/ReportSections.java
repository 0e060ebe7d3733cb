package org.participe.reporting.ui;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.participe.reporting.GroupFigures;
import org.participe.reporting.Metric;
import org.participe.reporting.MetricValue;
import org.participe.reporting.WeekActivity;
import org.participe.town.Category;

/** The figure cards and charts that the staff dashboard and the public page share, so that both read alike. */
final class ReportSections {

    private ReportSections() {
    }

    private static Locale locale() {
        return UI.getCurrent().getLocale();
    }

    /** One card per figure: its value, its change from the previous period, and its definition. */
    static Div figures(Component view, List<MetricValue> values) {
        Div cards = new Div();
        cards.addClassName("figures");
        for (MetricValue value : values) {
            Span number = new Span(format(view, value.metric(), value.value()));
            number.addClassName("figure-value");
            Span name = new Span(view.getTranslation(value.metric().nameKey()));
            name.addClassName("figure-name");
            Span change = new Span(change(view, value));
            change.addClassName("figure-change");
            Paragraph definition = new Paragraph(view.getTranslation(value.metric().definitionKey()));
            definition.addClassName("figure-definition");
            Div card = new Div(name, number, change, definition);
            card.addClassName("figure");
            card.setId("figure-" + value.metric().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            cards.add(card);
        }
        return cards;
    }

    static String format(Component view, Metric metric, Double value) {
        if (value == null) {
            return "—";
        }
        return switch (metric.unit()) {
            case COUNT -> String.format(locale(), "%,d", Math.round(value));
            case PERCENT -> String.format(locale(), "%.0f %%", value);
            case DAYS -> view.getTranslation("reports.days", String.format(locale(), "%.1f", value));
        };
    }

    private static String change(Component view, MetricValue value) {
        if (value.value() == null || value.previous() == null) {
            return view.getTranslation("reports.change.none");
        }
        double delta = value.value() - value.previous();
        String amount = switch (value.metric().unit()) {
            case COUNT -> String.format(locale(), "%+,d", Math.round(delta));
            case PERCENT -> String.format(locale(), "%+.0f", delta) + " " + view.getTranslation("reports.points");
            case DAYS -> String.format(locale(), "%+.1f", delta);
        };
        return view.getTranslation("reports.change", amount);
    }

    static ChartFigure weekly(Component view, List<WeekActivity> weeks, boolean withAccounts) {
        ChartFigure chart = new ChartFigure(view.getTranslation("reports.chart.weekly"));
        Map<String, List<? extends Number>> series = new LinkedHashMap<>();
        series.put(view.getTranslation("metric.IDEAS.name"), weeks.stream().map(WeekActivity::ideas).toList());
        series.put(view.getTranslation("metric.SUPPORTS.name"), weeks.stream().map(WeekActivity::supports).toList());
        series.put(view.getTranslation("metric.COMMENTS.name"), weeks.stream().map(WeekActivity::comments).toList());
        if (withAccounts) {
            series.put(view.getTranslation("metric.NEW_ACCOUNTS.name"), weeks.stream().map(WeekActivity::newAccounts).toList());
        }
        List<String> labels = weeks.stream().map(w -> view.getTranslation("reports.week-of",
                w.weekStart().format(DateTimeFormatter.ofPattern("d MMM yyyy", locale())))).toList();
        List<String> axis = weeks.stream().map(w -> w.weekStart().format(DateTimeFormatter.ofPattern("d MMM", locale()))).toList();
        chart.show(ChartFigure.Kind.LINES, view.getTranslation("reports.column.week"), labels, axis, series);
        return chart;
    }

    /** Bars of ideas, supports and comments per group, labelled by {@code label}. */
    static ChartFigure groups(Component view, String titleKey, String columnKey, List<GroupFigures> groups,
                              Function<GroupFigures, String> label) {
        ChartFigure chart = new ChartFigure(view.getTranslation(titleKey));
        Map<String, List<? extends Number>> series = new LinkedHashMap<>();
        series.put(view.getTranslation("metric.IDEAS.name"), groups.stream().map(GroupFigures::ideas).toList());
        series.put(view.getTranslation("metric.SUPPORTS.name"), groups.stream().map(GroupFigures::supports).toList());
        series.put(view.getTranslation("metric.COMMENTS.name"), groups.stream().map(GroupFigures::comments).toList());
        chart.show(ChartFigure.Kind.HORIZONTAL_BARS, view.getTranslation(columnKey), groups.stream().map(label).toList(), series);
        return chart;
    }

    /** Ideas per current status, in the order of the lifecycle. */
    static ChartFigure funnel(Component view, List<GroupFigures> statuses) {
        List<String> order = List.of("PUBLISHED", "UNDER_REVIEW", "ACCEPTED", "REJECTED", "IN_PROGRESS", "DONE", "WITHDRAWN");
        Map<String, Long> byStatus = new LinkedHashMap<>();
        order.forEach(status -> byStatus.put(status, 0L));
        statuses.forEach(group -> byStatus.put(group.key(), group.ideas()));
        ChartFigure chart = new ChartFigure(view.getTranslation("reports.chart.funnel"));
        chart.show(ChartFigure.Kind.HORIZONTAL_BARS, view.getTranslation("reports.column.status"),
                byStatus.keySet().stream().map(status -> view.getTranslation("idea.status." + status)).toList(),
                Map.of(view.getTranslation("metric.IDEAS.name"), List.copyOf(byStatus.values())));
        return chart;
    }

    static ChartFigure answerTimes(Component view, List<GroupFigures> bands) {
        ChartFigure chart = new ChartFigure(view.getTranslation("reports.chart.answer-times"));
        chart.show(ChartFigure.Kind.BARS, view.getTranslation("reports.column.days"),
                bands.stream().map(band -> view.getTranslation("reports.band", band.key())).toList(),
                Map.of(view.getTranslation("metric.IDEAS_ANSWERED.name"), bands.stream().map(GroupFigures::ideas).toList()));
        return chart;
    }

    static String categoryName(Component view, List<Category> categories, GroupFigures group) {
        return categories.stream().filter(c -> String.valueOf(c.id()).equals(group.key())).findFirst()
                .map(c -> c.name(locale())).orElse(group.label());
    }

    static String neighbourhoodName(Component view, GroupFigures group) {
        return group.key().isEmpty() ? view.getTranslation("idea.whole-town") : group.label();
    }
}
