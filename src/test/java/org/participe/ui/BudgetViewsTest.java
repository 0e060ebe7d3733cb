package org.participe.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.participe.base.TownZone;
import org.participe.base.ui.AccessDeniedView;
import org.participe.base.ui.NotFoundView;
import org.participe.budget.BudgetPhase;
import org.participe.budget.CampaignService;
import org.participe.budget.Campaigns;
import org.participe.budget.CountingRule;
import org.participe.budget.ProjectDetail;
import org.participe.budget.ProjectDraft;
import org.participe.budget.ProjectService;
import org.participe.budget.ProjectStatus;
import org.participe.budget.ui.CampaignEditorView;
import org.participe.budget.ui.CampaignView;
import org.participe.budget.ui.CampaignsView;
import org.participe.budget.ui.ProjectFormView;
import org.participe.budget.ui.ProjectView;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.Security;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Autowired;

/** The citizens' budget's views: the staff editor, the campaign page, the project form and the review. */
class BudgetViewsTest extends ViewTest {

    @Autowired CampaignService campaigns;
    @Autowired ProjectService projects;
    @Autowired TownService town;

    ParticipeUser staff;

    @BeforeEach
    void staff() {
        staff = data.confirmedAccount("budget-view-staff", Roles.STAFF);
    }

    private static String t(String key, Object... args) {
        return UI.getCurrent().getTranslation(key, args);
    }

    private <T extends Component & HasLabel> T field(Class<T> type, String key, Object... args) {
        return $(type).all().stream().filter(f -> t(key, args).equals(f.getLabel())).findFirst().orElseThrow();
    }

    private Button button(String key) {
        return $(Button.class).all().stream().filter(b -> t(key).equals(b.getText())).findFirst().orElseThrow();
    }

    /** Amounts as French writes them, with narrow and no-break spaces shown as spaces. */
    private static String spaced(String text) {
        return text.replaceAll("[\\u00a0\\u202f]", " ");
    }

    private List<String> links() {
        return $(Anchor.class).all().stream().map(Anchor::getHref).toList();
    }

    private long campaign(BudgetPhase phase, String title) {
        return Security.as(staff, () -> campaigns.create(Campaigns.in(phase, title, 50_000L)));
    }

    @Test
    void theEditorPutsEachMistakeOnItsFieldThenSavesTheCampaign() {
        signIn("budget-editor", Roles.STAFF);
        navigate(CampaignEditorView.class);
        test(button("budget.form.save")).click();

        assertThat(field(TextField.class, "budget.form.title").isInvalid()).isTrue();
        assertThat(field(TextArea.class, "budget.form.rules").isInvalid()).isTrue();
        IntegerField wholeTown = field(IntegerField.class, "budget.form.whole-town");
        assertThat(wholeTown.isInvalid()).isTrue();
        assertThat(wholeTown.getErrorMessage()).isEqualTo(t("budget.envelope.amount", 1, CampaignService.AMOUNT_MAX_EUROS));
        assertThat(field(DatePicker.class, "budget.form.vote-from").getErrorMessage()).isEqualTo(t("budget.campaign.date-required"));
        assertThat(getCurrentView()).isInstanceOf(CampaignEditorView.class);

        LocalDate today = LocalDate.now(TownZone.zone());
        test(field(TextField.class, "budget.form.title")).setValue("Budget participatif des tests");
        test(field(TextArea.class, "budget.form.rules")).setValue("Des projets d’investissement proposés par les habitants.");
        wholeTown.setValue(150_000);
        String place = town.activeNeighbourhoods().getFirst().name();
        field(IntegerField.class, "budget.form.neighbourhood-envelope", place).setValue(20_000);
        field(DatePicker.class, "budget.form.submission-from").setValue(today.minusDays(1));
        field(DatePicker.class, "budget.form.review-from").setValue(today.plusDays(20));
        field(DatePicker.class, "budget.form.vote-from").setValue(today.plusDays(10));
        field(DatePicker.class, "budget.form.vote-until").setValue(today.plusDays(40));
        test(button("budget.form.save")).click();
        assertThat(field(DatePicker.class, "budget.form.vote-from").getErrorMessage()).isEqualTo(t("budget.campaign.vote-after-review"));

        field(DatePicker.class, "budget.form.vote-from").setValue(today.plusDays(30));
        @SuppressWarnings("unchecked")
        RadioButtonGroup<CountingRule> rule = $(RadioButtonGroup.class).all().stream()
                .filter(g -> t("budget.form.counting-rule").equals(g.getLabel())).findFirst().orElseThrow();
        rule.setValue(CountingRule.GREEDY);
        test(button("budget.form.save")).click();

        assertThat(getCurrentView()).isInstanceOf(CampaignView.class);
        assertThat($(H1.class).single().getText()).isEqualTo("Budget participatif des tests");
        assertThat($(Span.class).all()).extracting(span -> spaced(span.getText())).contains(t("budget.envelope.label", place), "20 000 €", t("budget.phase.SUBMISSION"));
    }

    @Test
    void onceTheVoteHasOpenedTheEditorShowsWhatIsFixed() {
        long id = campaign(BudgetPhase.VOTE, "Budget au vote, règles figées");
        signIn("budget-fixed", Roles.ADMIN);
        navigate("admin/budgets/" + id, CampaignEditorView.class);
        assertThat(field(IntegerField.class, "budget.form.whole-town").isReadOnly()).isTrue();
        assertThat(field(DatePicker.class, "budget.form.vote-from").isReadOnly()).isTrue();
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText).contains(t("budget.form.fixed-note"));
    }

    @Test
    void residentsCannotOpenTheEditor() {
        signIn("budget-not-staff", Roles.RESIDENT, Roles.OFFICIAL);
        navigate("admin/budgets/new", AccessDeniedView.class);
        assertThat(getCurrentView()).isInstanceOf(AccessDeniedView.class);
    }

    @Test
    void theCampaignPageShowsTheCalendarTheEnvelopesAndWhatCanBeDoneNow() {
        long submission = campaign(BudgetPhase.SUBMISSION, "Budget ouvert au dépôt");
        navigate("budgets/" + submission, CampaignView.class);
        assertThat(links()).contains("budgets/" + submission + "/propose").doesNotContain("budgets/" + submission + "/vote");
        ListItem current = $(ListItem.class).all().stream().filter(item -> "step".equals(item.getElement().getAttribute("aria-current")))
                .findFirst().orElseThrow();
        assertThat(current.getElement().getTextRecursively()).contains(t("budget.phase.SUBMISSION"));
        assertThat($(Span.class).all()).extracting(Span::getText).contains(t("budget.envelope.label", t("budget.envelope.whole-town")));

        long voting = campaign(BudgetPhase.VOTE, "Budget au vote");
        navigate("budgets/" + voting, CampaignView.class);
        assertThat(links()).contains("budgets/" + voting + "/vote").doesNotContain("budgets/" + voting + "/propose", "budgets/" + voting + "/results");

        long closed = campaign(BudgetPhase.RESULTS, "Budget terminé");
        navigate("budgets/" + closed, CampaignView.class);
        assertThat(links()).contains("budgets/" + closed + "/results").doesNotContain("budgets/" + closed + "/vote");

        navigate(CampaignsView.class);
        assertThat(links()).contains("budgets/" + submission, "budgets/" + voting, "budgets/" + closed);
    }

    @Test
    void aDraftIsNotFoundByVisitors() {
        var published = Campaigns.in(BudgetPhase.SUBMISSION, "Budget brouillon", 1000L);
        long draft = Security.as(staff, () -> campaigns.create(new org.participe.budget.CampaignDraft(published.title(), published.rules(),
                published.envelopes(), published.submissionFrom(), published.reviewFrom(), published.voteFrom(), published.voteUntil(), null,
                null, null, null, null, false)));
        navigate("budgets/" + draft, NotFoundView.class);
        assertThat(getCurrentView()).isInstanceOf(NotFoundView.class);
    }

    @Test
    void theProjectFiltersLiveInTheUrl() {
        long id = campaign(BudgetPhase.SUBMISSION, "Budget aux projets filtrés");
        ParticipeUser author = data.confirmedAccount("budget-filter-author", Roles.RESIDENT);
        long envelope = Security.as(staff, () -> campaigns.detail(id)).orElseThrow().envelopes().getFirst().id();
        Security.as(author, () -> projects.propose(id, new ProjectDraft("Un projet à retrouver par filtre", "Une description assez longue du projet.",
                envelope, null, 1000L, null, null)));
        navigate("budgets/" + id, CampaignView.class);
        @SuppressWarnings("unchecked")
        Select<ProjectStatus> status = $(Select.class).all().stream().filter(s -> t("ideas.status").equals(s.getLabel())).findFirst().orElseThrow();
        status.setValue(ProjectStatus.FEASIBLE);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters()).isEqualTo("budgets/" + id + "?status=FEASIBLE");
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText).contains(t("budget.projects.none"));

        UI.getCurrent().navigate("budgets/" + id, QueryParameters.simple(Map.of("status", "SUBMITTED")));
        assertThat(links()).anyMatch(href -> href.startsWith("budget-projects/"));
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText).contains(t("budget.projects.count", 1));
    }

    @Test
    void aResidentProposesAProjectSeeingSimilarOnesAndEachMistakeOnItsField() {
        long id = campaign(BudgetPhase.SUBMISSION, "Budget des propositions");
        ParticipeUser first = data.confirmedAccount("budget-first", Roles.RESIDENT);
        long envelope = Security.as(staff, () -> campaigns.detail(id)).orElseThrow().envelopes().getFirst().id();
        long existing = Security.as(first, () -> projects.propose(id, new ProjectDraft("Des fontaines à eau dans les parcs",
                "Trois fontaines d’eau potable pour les promeneurs.", envelope, null, 15_000L, null, null)));

        signIn("budget-proposer", Roles.RESIDENT);
        navigate("budgets/" + id + "/propose", ProjectFormView.class);
        TextField title = field(TextField.class, "budget.project.form.title");
        test(title).setValue("Une fontaine au parc");
        assertThat(links()).as("similar projects of the campaign").contains("budget-projects/" + existing);

        test(button("budget.project.form.submit")).click();
        assertThat(field(TextArea.class, "budget.project.form.description").isInvalid()).isTrue();
        IntegerField cost = field(IntegerField.class, "budget.project.form.cost");
        assertThat(cost.getErrorMessage()).isEqualTo(t("budget.project.cost", 1, ProjectService.COST_MAX_EUROS));
        assertThat(title.getValue()).as("the draft survives").isEqualTo("Une fontaine au parc");

        test(field(TextArea.class, "budget.project.form.description")).setValue("Une fontaine d’eau potable près des jeux d’enfants.");
        cost.setValue(5_000);
        test(button("budget.project.form.submit")).click();
        assertThat(getCurrentView()).isInstanceOf(ProjectView.class);
        assertThat($(H1.class).single().getText()).isEqualTo("Une fontaine au parc");
        assertThat($(Paragraph.class).all()).extracting(p -> spaced(p.getText())).contains(t("budget.project.cost-line", "5 000 €"));
    }

    @Test
    void theFormSaysWhySubmissionIsClosed() {
        long id = campaign(BudgetPhase.VOTE, "Budget fermé au dépôt");
        signIn("budget-late", Roles.RESIDENT);
        navigate("budgets/" + id + "/propose", ProjectFormView.class);
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText).contains(t("budget.project.submission-closed"));
        assertThat($(TextField.class).all()).isEmpty();
    }

    @Test
    void anOfficialReviewsAProjectWithAPublicAnswer() {
        long id = campaign(BudgetPhase.SUBMISSION, "Budget en étude");
        long envelope = Security.as(staff, () -> campaigns.detail(id)).orElseThrow().envelopes().getFirst().id();
        ParticipeUser author = data.confirmedAccount("budget-reviewed", Roles.RESIDENT);
        long project = Security.as(author, () -> projects.propose(id, new ProjectDraft("Un abri vélos à la gare", "Un abri fermé de quarante places.",
                envelope, null, 45_000L, null, null)));
        // Submission has closed: the campaign is in its review.
        long version = Security.as(staff, () -> campaigns.detail(id)).orElseThrow().version();
        Security.as(staff, () -> campaigns.update(id, Campaigns.in(BudgetPhase.REVIEW, "Budget en étude", 50_000L), version));

        navigate("budget-projects/" + project, ProjectView.class);
        assertThat($(Button.class).all()).extracting(Button::getText).doesNotContain(t("budget.review.save"));

        signIn("budget-official", Roles.OFFICIAL);
        navigate("budget-projects/" + project, ProjectView.class);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<ProjectStatus> decision = $(RadioButtonGroup.class).single();
        decision.setValue(ProjectStatus.FEASIBLE);
        test(button("budget.review.save")).click();
        assertThat(field(TextArea.class, "budget.review.answer").isInvalid()).isTrue();

        test(field(TextArea.class, "budget.review.answer")).setValue("Réalisable : la place existe devant la gare.");
        field(IntegerField.class, "budget.review.corrected-cost").setValue(52_000);
        test(field(TextField.class, "budget.review.cost-reason")).setValue("Raccordement électrique");
        test(button("budget.review.save")).click();

        ProjectDetail reviewed = projects.detail(project).orElseThrow();
        assertThat(reviewed.status()).isEqualTo(ProjectStatus.FEASIBLE);
        assertThat(reviewed.costCents()).isEqualTo(5_200_000L);
        assertThat($(Span.class).all()).extracting(Span::getText).contains(t("budget.project.status.FEASIBLE"));
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText).contains("Réalisable : la place existe devant la gare.");
    }
}
