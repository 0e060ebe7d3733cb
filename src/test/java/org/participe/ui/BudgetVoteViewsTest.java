package org.participe.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.util.Set;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.participe.budget.BallotService;
import org.participe.budget.BudgetFixture;
import org.participe.budget.CountExplanation;
import org.participe.budget.Receipt;
import org.participe.budget.ui.BallotView;
import org.participe.budget.ui.ResultsView;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.security.ui.LoginView;
import org.participe.test.Security;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** The ballot and results pages without a browser, on the real services and database. */
class BudgetVoteViewsTest extends ViewTest {

    @Autowired BudgetFixture fixture;
    @Autowired BallotService ballots;

    private static String t(String key, Object... args) {
        return UI.getCurrent().getTranslation(key, args);
    }

    private void signInAs(ParticipeUser user) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }

    private Button button(String key) {
        return $(Button.class).all().stream().filter(b -> t(key).equals(b.getText())).findFirst().orElseThrow();
    }

    private Checkbox box(String label) {
        return $(Checkbox.class).all().stream().filter(c -> label.equals(c.getLabel())).findFirst().orElseThrow();
    }

    /** French amounts are grouped with no-break spaces: compared as plain spaces. */
    private static String plain(String text) {
        return text.replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    private String total() {
        return plain($(Div.class).all().stream().filter(d -> d.hasClassName("ballot-total")).findFirst().orElseThrow().getText());
    }

    private boolean hasParagraph(String text) {
        return $(Paragraph.class).all().stream().anyMatch(p -> plain(text).equals(plain(p.getText())));
    }

    @Test
    void aResidentChoosesWithinTheEnvelopeReviewsCastsAndFindsTheirChoiceAgain() {
        long campaign = fixture.openCampaign();
        long envelope = fixture.envelope(campaign, null, 100_000_00);
        fixture.project(campaign, envelope, "Un jardin partagé au centre", 60_000_00);
        fixture.project(campaign, envelope, "Des bancs le long du canal", 30_000_00);
        fixture.project(campaign, envelope, "Une aire de jeux rénovée", 50_000_00);
        fixture.project(campaign, envelope, "Un projet encore à l'étude", 1_000_00, "SUBMITTED");
        ParticipeUser voter = fixture.resident();
        signInAs(voter);

        navigate("budgets/" + campaign + "/vote", BallotView.class);
        assertThat($(Checkbox.class).all()).extracting(Checkbox::getLabel)
                .containsExactlyInAnyOrder("Un jardin partagé au centre", "Des bancs le long du canal", "Une aire de jeux rénovée");
        Div total = $(Div.class).all().stream().filter(d -> d.hasClassName("ballot-total")).findFirst().orElseThrow();
        assertThat(total.getElement().getAttribute("aria-live")).isEqualTo("polite");
        assertThat($(Anchor.class).all()).extracting(Anchor::getHref).anyMatch(href -> href.startsWith("budget-projects/"));

        test(box("Un jardin partagé au centre")).click();
        assertThat(total()).isEqualTo(t("budget.ballot.total", "60 000 €", "100 000 €", "40 000 €"));
        Checkbox tooDear = box("Une aire de jeux rénovée");
        assertThat(tooDear.isReadOnly()).as("50,000 € does not fit in the 40,000 € left").isTrue();
        assertThat(plain(tooDear.getHelperText())).isEqualTo(plain(t("budget.ballot.does-not-fit", "40 000 €")));
        test(box("Des bancs le long du canal")).click();
        assertThat(total()).isEqualTo(t("budget.ballot.total", "90 000 €", "100 000 €", "10 000 €"));

        test(button("budget.ballot.review")).click();
        assertThat(hasParagraph(t("budget.ballot.summary.total", "90 000 €", "100 000 €"))).isTrue();
        test(button("budget.ballot.cast")).click();
        Span code = $(Span.class).all().stream().filter(s -> s.hasClassName("ballot-receipt-code")).findFirst().orElseThrow();
        assertThat(code.getText()).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(fixture.count("select count(*) from budget_ballot where envelope_id = ?", envelope)).isEqualTo(1);

        navigate("budgets/" + campaign + "/vote", BallotView.class);
        assertThat(box("Un jardin partagé au centre").getValue()).isTrue();
        assertThat(box("Des bancs le long du canal").getValue()).isTrue();
        assertThat(box("Une aire de jeux rénovée").getValue()).isFalse();
        assertThat(hasParagraph(t("budget.ballot.already", code.getText()))).isTrue();
        test(button("budget.ballot.review")).click();
        assertThat($(Button.class).all()).extracting(Button::getText).contains(t("budget.ballot.change"));
    }

    @Test
    void whoMayNotVoteReadsWhyAndAVisitorSignsInFirst() {
        long campaign = fixture.openCampaign();
        long envelope = fixture.envelope(campaign, null, 10_000_00);
        fixture.project(campaign, envelope, "Un jardin partagé au centre", 6_000_00);

        navigate("budgets/" + campaign + "/vote", LoginView.class);

        signInAs(fixture.resident(Year.now().getValue() - 14, null));
        navigate("budgets/" + campaign + "/vote", BallotView.class);
        assertThat(hasParagraph(t("budget.ballot.refused.TOO_YOUNG", 16))).isTrue();
        assertThat($(Checkbox.class).all()).isEmpty();
    }

    @Test
    void theResultsShowWinnersWhyTheFileAndHideSmallGroups() {
        long campaign = fixture.openCampaign(CountExplanation.GREEDY, "WITHIN_BUDGET", null);
        long envelope = fixture.envelope(campaign, null, 10_000_00);
        long a = fixture.project(campaign, envelope, "Le projet le plus choisi", 6_000_00);
        long b = fixture.project(campaign, envelope, "Le deuxième plus choisi", 5_000_00);
        String receipt = null;
        for (int i = 0; i < 5; i++) {
            Set<Long> choice = i < 3 ? Set.of(a) : Set.of(b);
            // Four voters aged 30-something and one older: one age group of four and one of one, neither shown.
            Receipt cast = Security.as(fixture.resident(i < 4 ? Year.now().getValue() - 30 : 1940, null), () -> ballots.cast(campaign, envelope, choice));
            receipt = cast.code();
        }
        navigate("budgets/" + campaign + "/results", ResultsView.class);
        assertThat(hasParagraph(t("budget.results.not-yet"))).as("nothing before the close").isTrue();

        fixture.closeVote(campaign);
        signIn("results-staff", Roles.STAFF);
        navigate("budgets/" + campaign + "/results", ResultsView.class);
        test(button("budget.results.count-now")).click();
        assertThat($(Anchor.class).all()).extracting(Anchor::getText).contains("Le projet le plus choisi");
        assertThat($(NativeTableCell.class).all()).extracting(NativeTableCell::getText)
                .contains(t("budget.results.outcome.won", 1), t("budget.results.outcome.lost"),
                        t("budget.turnout.few", 5), "5");
        assertThat($(Anchor.class).all()).extracting(Anchor::getHref)
                .contains("media/budgets/" + campaign + "/envelope-" + envelope + ".pb");

        SecurityContextHolder.clearContext();
        navigate("budgets/" + campaign + "/results", ResultsView.class);
        assertThat($(Button.class).all()).extracting(Button::getText).doesNotContain(t("budget.results.count-now"));
        test($(TextField.class).single()).setValue(receipt);
        test(button("budget.receipt.check")).click();
        assertThat(hasParagraph(t("budget.receipt.counted"))).isTrue();
        test($(TextField.class).single()).setValue("AAAA-BBBB-CCCC");
        test(button("budget.receipt.check")).click();
        assertThat(hasParagraph(t("budget.receipt.unknown"))).isTrue();
    }
}
