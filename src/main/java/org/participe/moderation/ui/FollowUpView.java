package org.participe.moderation.ui;

import java.time.format.DateTimeFormatter;
import java.util.List;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.participe.base.ui.Tables;
import org.participe.moderation.FollowUpService;
import org.participe.moderation.PeriodFigures;
import org.participe.town.TownService;

/**
 * The charter made visible: month by month, how many ideas officials answered, how many within
 * their due date, the median time to an answer, and what is overdue now. Public, for everyone.
 */
@Route("follow-up")
@AnonymousAllowed
@Menu(title = "menu.follow-up", order = 3, icon = "vaadin:chart")
public class FollowUpView extends Composite<VerticalLayout> implements HasDynamicTitle {

    public FollowUpView(FollowUpService followUp, TownService town) {
        VerticalLayout layout = getContent();
        layout.addClassName("form-page");
        List<PeriodFigures> months = followUp.monthlyFigures(12);
        int answered = months.stream().mapToInt(PeriodFigures::answered).sum();
        int withDue = months.stream().mapToInt(PeriodFigures::withDueDate).sum();
        int onTime = months.stream().mapToInt(PeriodFigures::onTime).sum();
        long overdue = followUp.openOverdue();

        Div figures = new Div(figure(String.valueOf(answered), getTranslation("followup.figure.answered", answered)),
                figure(withDue == 0 ? "—" : Math.round(100.0 * onTime / withDue) + " %", getTranslation("followup.figure.on-time", onTime, withDue)),
                figure(String.valueOf(overdue), getTranslation("followup.figure.overdue", overdue)));
        figures.addClassName("figures");

        DateTimeFormatter monthName = DateTimeFormatter.ofPattern("LLLL yyyy", getLocale());
        // Twelve rows of figures: a plain table reads best with every screen reader and prints well.
        NativeTable table = new NativeTable();
        table.addClassName("figures-table");
        table.setCaptionText(getTranslation("followup.table"));
        NativeTableRow head = table.getHead().addRow();
        for (String column : new String[]{"month", "answered", "on-time", "median", "overdue"}) {
            Tables.columnHeader(head, getTranslation("followup.column." + column));
        }
        NativeTableBody body = table.addBody();
        for (PeriodFigures p : months) {
            NativeTableRow row = body.addRow();
            Tables.rowHeader(row, monthName.format(p.periodStart()));
            row.addDataCell().setText(String.valueOf(p.answered()));
            row.addDataCell().setText(p.withDueDate() == 0 ? "—" : p.onTime() + " / " + p.withDueDate());
            row.addDataCell().setText(p.medianDays() == null ? "—" : String.format(getLocale(), "%.1f", p.medianDays()));
            row.addDataCell().setText(String.valueOf(p.openOverdue()));
        }
        Div scroller = Tables.region(table, getTranslation("followup.table"));

        var rules = town.profile();
        layout.add(new H1(getTranslation("followup.title")),
                new Paragraph(getTranslation("followup.intro", rules.thresholdSupports(), rules.thresholdDays(), rules.answerDueDays())),
                figures, scroller, new Paragraph(getTranslation("followup.method")),
                new Paragraph(new Anchor("ideas?sort=ANSWERED", getTranslation("followup.latest-answers")), new Text(" · "),
                        new Anchor("ideas", getTranslation("followup.all-ideas"))));
    }

    private static Div figure(String value, String label) {
        Span number = new Span(value);
        number.addClassName("figure-value");
        Span text = new Span(label);
        text.addClassName("figure-label");
        Div figure = new Div(number, text);
        figure.addClassName("figure");
        return figure;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("followup.title") + " · " + getTranslation("app.name");
    }
}
