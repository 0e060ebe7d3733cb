package org.participe.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.participe.test.Security.as;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.participe.base.content.ContentKey;
import org.participe.comments.CommentService;
import org.participe.ideas.IdeaDraft;
import org.participe.ideas.IdeaService;
import org.participe.ideas.ui.IdeaView;
import org.participe.initiatives.InitiativeDraft;
import org.participe.initiatives.InitiativeService;
import org.participe.initiatives.InitiativeStatus;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.StatementCounter;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What drawing an idea's page costs in SQL statements, for each kind of viewer: a constant number
 * (docs/BENCHMARKS.md: 6–7 for a visitor). The title of the initiative an idea fed into is the
 * initiatives module's to read (ideas do not name its tables): one statement more, on those pages only.
 */
class IdeaPageStatementsViewTest extends ViewTest {

    @Autowired IdeaService ideas;
    @Autowired InitiativeService initiatives;
    @Autowired CommentService comments;
    @Autowired TownService town;

    @Test
    void theIdeaPageCostsAConstantNumberOfStatementsAndALinkedInitiativeOneMore() {
        long category = town.activeCategories().getFirst().id();
        ParticipeUser author = data.confirmedAccount("page-author", Roles.RESIDENT);
        ParticipeUser staff = data.confirmedAccount("page-staff", Roles.STAFF);
        long plain = as(author, () -> ideas.propose(new IdeaDraft("Une idée sans projet lié", "Une description assez longue pour être acceptée.", category, null, null)));
        long linked = as(author, () -> ideas.propose(new IdeaDraft("Une idée reprise par un projet", "Une description assez longue pour être acceptée.", category, null, null)));
        as(author, () -> comments.post(ContentKey.idea(plain), null, "Un premier commentaire"));
        as(author, () -> comments.post(ContentKey.idea(linked), null, "Un premier commentaire"));
        long initiative = as(staff, () -> initiatives.create(new InitiativeDraft("Le projet qui reprend l’idée", "Un résumé du projet assez long",
                "Une description du projet, assez longue pour passer.", category, Set.of(), 50_000L, InitiativeStatus.IN_PROGRESS, 30,
                "Service technique", List.of(), null)));
        as(staff, () -> initiatives.publish(initiative));
        as(staff, () -> initiatives.linkIdea(initiative, linked, false));

        Map<String, Long> counts = new LinkedHashMap<>();
        for (String viewer : List.of("visitor", Roles.RESIDENT, Roles.OFFICIAL)) {
            for (long id : List.of(plain, linked)) {
                SecurityContextHolder.clearContext();
                if (!viewer.equals("visitor")) {
                    signIn("page-" + viewer.toLowerCase(), viewer);
                }
                navigate("ideas/" + id, IdeaView.class); // a first drawing, as the benchmark does
                long statements = StatementCounter.count(() -> navigate("ideas/" + id, IdeaView.class)).statements();
                counts.put(viewer + (id == plain ? " plain" : " linked"), statements);
            }
        }
        assertThat(counts.get("visitor plain")).as("a visitor's page, " + counts).isLessThanOrEqualTo(7);
        for (String viewer : List.of("visitor", Roles.RESIDENT, Roles.OFFICIAL)) {
            assertThat(counts.get(viewer + " linked")).as(viewer + ", " + counts).isEqualTo(counts.get(viewer + " plain") + 1);
        }
    }
}
