package org.participe.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;
import org.participe.base.ui.AccessDeniedView;
import org.participe.reporting.Metric;
import org.participe.reporting.ui.PublicFiguresView;
import org.participe.reporting.ui.ReportsView;
import org.participe.security.Roles;

/** Who opens the dashboard, and what the public figures page shows. */
class ReportingViewsTest extends ViewTest {

    @Test
    void residentsAndOfficialsCannotOpenTheDashboardNorTheReferencePopulation() {
        for (String role : new String[]{Roles.RESIDENT, Roles.OFFICIAL}) {
            signIn("reports-denied-" + role.toLowerCase(), role);
            navigate("reports", AccessDeniedView.class);
            navigate("admin/reference-population", AccessDeniedView.class);
        }
    }

    @Test
    void staffSeeEveryFigureWithItsDefinitionAndTheExports() {
        signIn("reports-staff-view", Roles.STAFF);
        navigate(ReportsView.class);
        for (Metric metric : Metric.values()) {
            assertThat($(Paragraph.class).all()).extracting(p -> p.getText())
                    .contains(UI.getCurrent().getTranslation(metric.definitionKey()));
        }
        assertThat($(Anchor.class).all()).extracting(Anchor::getId).map(id -> id.orElse(""))
                .contains("export-figures-csv", "export-figures-xlsx", "export-ideas-xlsx", "export-comments-csv", "export-supports-per-week-xlsx");
    }

    @Test
    void thePublicPageShowsNoModerationVolumesAndNoName() {
        navigate(PublicFiguresView.class);
        assertThat($(Span.class).all()).extracting(Span::getText)
                .contains(UI.getCurrent().getTranslation("metric.PARTICIPANTS.name"))
                .doesNotContain(UI.getCurrent().getTranslation("metric.FLAGS.name"), UI.getCurrent().getTranslation("metric.HIDDEN_ITEMS.name"));
        assertThat($(Anchor.class).all()).noneMatch(anchor -> anchor.getId().orElse("").startsWith("export-"));
    }
}
