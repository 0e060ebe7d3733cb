package org.participe.budget.ui;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import org.participe.budget.BudgetPhase;
import org.participe.budget.Envelope;
import org.participe.budget.ProjectStatus;

/** Amounts, dates, phases and statuses of the citizens' budget in the viewer's words. */
final class BudgetTexts {

    private BudgetTexts() {
    }

    /** Cents as euros, without the cents when there are none (« 200 000 € », "€200,000"). */
    static String euros(Component page, long cents) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale(page).getLanguage().equals("en") ? Locale.UK : Locale.FRANCE);
        format.setCurrency(Currency.getInstance("EUR"));
        format.setMaximumFractionDigits(cents % 100 == 0 ? 0 : 2);
        format.setMinimumFractionDigits(cents % 100 == 0 ? 0 : 2);
        return format.format(cents / 100.0);
    }

    static Locale locale(Component page) {
        return page.getUI().orElseGet(UI::getCurrent).getLocale();
    }

    static String day(Component page, LocalDate day) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale(page)).format(day);
    }

    static String phase(Component page, BudgetPhase phase) {
        return page.getTranslation("budget.phase." + phase.name());
    }

    static String envelope(Component page, Envelope envelope) {
        return envelope.wholeTown() ? page.getTranslation("budget.envelope.whole-town") : envelope.neighbourhoodName();
    }

    static Span phaseBadge(Component page, BudgetPhase phase) {
        Span badge = new Span(phase(page, phase));
        badge.addClassNames("idea-status", "budget-phase-" + phase.name().toLowerCase(Locale.ROOT));
        return badge;
    }

    static Span statusBadge(Component page, ProjectStatus status) {
        Span badge = new Span(page.getTranslation("budget.project.status." + status.name()));
        String tone = switch (status) {
            case FEASIBLE, SELECTED -> "idea-status-accepted";
            case NOT_FEASIBLE, WITHDRAWN, NOT_SELECTED -> "idea-status-rejected";
            case MERGED -> "idea-status-pending";
            case SUBMITTED -> "idea-status-submitted";
        };
        badge.addClassNames("idea-status", tone);
        return badge;
    }

    static Span tag(String text) {
        Span tag = new Span(text);
        tag.addClassName("idea-tag");
        return tag;
    }
}
