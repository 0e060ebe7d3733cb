package org.participe.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.Test;
import org.participe.budget.BudgetFixture;
import org.participe.budget.BudgetResultService;
import org.participe.budget.CountExplanation;
import org.participe.budget.ui.ProjectView;
import org.participe.budget.ui.ResultsView;
import org.participe.initiatives.ui.InitiativeView;
import org.participe.security.Roles;
import org.participe.test.Security;
import org.participe.town.Category;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/** Staff turn the winners into initiatives from the results page; the project and the initiative link to each other. */
class BudgetWinnerViewsTest extends ViewTest {

    @Autowired BudgetFixture fixture;
    @Autowired BudgetResultService results;

    private static String t(String key, Object... args) {
        return UI.getCurrent().getTranslation(key, args);
    }

    private Button button(String key) {
        return $(Button.class).all().stream().filter(b -> t(key).equals(b.getText())).findFirst().orElseThrow();
    }

    @Test
    void staffCreateTheWinnersInitiativesAndEachPageLinksToTheOther() {
        String title = "Budget participatif " + UUID.randomUUID().toString().substring(0, 8);
        long campaign = fixture.campaign(title, CountExplanation.EQUAL_SHARES, "WITHIN_BUDGET", null, Instant.now().minus(Duration.ofDays(10)),
                Instant.now().minus(Duration.ofDays(1)));
        long envelope = fixture.envelope(campaign, null, 100_000_00L);
        long project = fixture.project(campaign, envelope, "Des arbres dans la cour de l'école", 30_000_00L, "SELECTED");
        fixture.jdbc().sql("update budget_campaign set counted_at = now() where id = ?").param(campaign).update();

        navigate("budgets/" + campaign + "/results", ResultsView.class);
        assertThat($(Button.class).all()).extracting(Button::getText).doesNotContain(t("budget.results.initiatives.create"));

        signIn("winners-staff", Roles.STAFF);
        navigate("budgets/" + campaign + "/results", ResultsView.class);
        @SuppressWarnings("unchecked")
        ComboBox<Category> category = $(ComboBox.class).all().getFirst();
        test(button("budget.results.initiatives.create")).click();
        assertThat(category.isInvalid()).as("a category is asked for").isTrue();
        assertThat(category.getErrorMessage()).isEqualTo(t("idea.category.required"));

        test(category).selectItem(category.getListDataView().getItems().findFirst().orElseThrow().name(UI.getCurrent().getLocale()));
        test(button("budget.results.initiatives.create")).click();
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText).contains(t("budget.results.initiatives.created", 1));
        long initiative = Security.anonymously(() -> results.initiativeOf(project)).orElseThrow();

        SecurityContextHolder.clearContext();
        navigate("initiatives/" + initiative, InitiativeView.class);
        Anchor winner = $(Anchor.class).all().stream().filter(a -> a.hasClassName("initiative-budget-winner")).findFirst().orElseThrow();
        assertThat(winner.getHref()).isEqualTo("budget-projects/" + project);
        assertThat(winner.getText()).isEqualTo(t("initiative.budget-winner", title));

        navigate("budget-projects/" + project, ProjectView.class);
        assertThat($(Anchor.class).all()).extracting(Anchor::getHref).contains("initiatives/" + initiative);
    }
}
