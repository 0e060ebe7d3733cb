package org.participe.reporting.ui;

import java.time.Clock;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.participe.reporting.ReportFilter;
import org.participe.reporting.ReportPeriod;
import org.participe.reporting.ReportingService;
import org.participe.town.TownService;

/** Participation in figures, for everyone: the last 12 months, from the same catalogue as the staff's dashboard. */
@Route("figures")
@AnonymousAllowed
@Menu(title = "menu.figures", order = 4, icon = "vaadin:bar-chart")
public class PublicFiguresView extends Composite<VerticalLayout> implements HasDynamicTitle {

    public PublicFiguresView(ReportingService reporting, TownService town, Clock clock) {
        VerticalLayout layout = getContent();
        layout.addClassName("reports-page");
        ReportPeriod period = ReportPeriod.last12Months(clock);
        ReportFilter all = ReportFilter.none();
        Div charts = new Div(ReportSections.weekly(this, reporting.weeklyActivity(period, all), false),
                ReportSections.groups(this, "reports.chart.categories", "reports.column.category", reporting.byCategory(period, all),
                        group -> ReportSections.categoryName(this, town.categories(), group)),
                ReportSections.funnel(this, reporting.statusFunnel(period, all)));
        charts.addClassName("charts");
        layout.add(new H1(getTranslation("figures.title")), new Paragraph(getTranslation("figures.intro", town.profile().name())),
                new H2(getTranslation("figures.year")), ReportSections.figures(this, reporting.publicFigures(period)), charts,
                new Paragraph(new Anchor("follow-up", getTranslation("figures.follow-up")), new Text(" · "),
                        new Anchor("ideas", getTranslation("followup.all-ideas"))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("figures.title") + " · " + getTranslation("app.name");
    }
}
