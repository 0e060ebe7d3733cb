package org.participe.initiatives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.participe.test.Security.anonymously;
import static org.participe.test.Security.as;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.participe.base.TownZone;
import org.participe.base.validation.InvalidInputException;
import org.participe.ideas.IdeaDraft;
import org.participe.ideas.IdeaService;
import org.participe.ideas.IdeaStatus;
import org.participe.ideas.TimelineEntry;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.TestData;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

@SpringBootTest
class InitiativeServiceIT {

    @Autowired InitiativeService initiatives;
    @Autowired IdeaService ideas;
    @Autowired TownService town;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    ParticipeUser staff;
    long category;
    LocalDate today = LocalDate.now(TownZone.zone());

    @BeforeEach
    void setUp() {
        data.ensureTown();
        staff = data.confirmedAccount("staff", Roles.STAFF);
        category = anonymously(() -> town.activeCategories()).getFirst().id();
    }

    InitiativeDraft draft(String title, List<PhaseDraft> phases, Integer current) {
        return new InitiativeDraft(title, "Un résumé du projet assez long", "Une description du projet, assez longue pour passer.",
                category, Set.of(), 50_000L, InitiativeStatus.IN_PROGRESS, 30, "Service technique", phases, current);
    }

    @Test
    void draftsStayWithStaffUntilPublished() {
        long id = as(staff, () -> initiatives.create(draft("Un projet en préparation", List.of(), null)));
        ParticipeUser resident = data.confirmedAccount("curious", Roles.RESIDENT);
        assertThat(anonymously(() -> initiatives.detail(id))).isEmpty();
        assertThat(as(resident, () -> initiatives.detail(id))).isEmpty();
        assertThat(anonymously(() -> initiatives.list(InitiativeFilter.all(), 0, 100))).extracting(InitiativeCard::id).doesNotContain(id);
        assertThat(as(staff, () -> initiatives.detail(id))).isPresent();

        as(staff, () -> initiatives.publish(id));
        assertThat(anonymously(() -> initiatives.detail(id))).isPresent();
        as(staff, () -> initiatives.archive(id, true));
        assertThat(anonymously(() -> initiatives.detail(id))).isEmpty();
        assertThat(jdbc.queryForList("select action from initiative_change where initiative_id = ? order by id", String.class, id))
                .containsExactly("CREATED", "PUBLISHED", "ARCHIVED");
        assertThat(jdbc.queryForObject("select count(distinct actor_id) from initiative_change where initiative_id = ?", Integer.class, id)).isEqualTo(1);
    }

    @Test
    void residentsAndVisitorsCannotWriteInitiatives() {
        ParticipeUser resident = data.confirmedAccount("intruder-initiative", Roles.RESIDENT, Roles.OFFICIAL);
        assertThatThrownBy(() -> as(resident, () -> initiatives.create(draft("Projet pirate de résident", List.of(), null))))
                .isInstanceOf(AccessDeniedException.class);
        long id = as(staff, () -> initiatives.create(draft("Un projet protégé", List.of(), null)));
        assertThatThrownBy(() -> anonymously(() -> initiatives.postUpdate(id, "Une fausse actualité", "Un texte de fausse actualité")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(resident, () -> initiatives.publish(id))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void phasesAreValidatedAndTheCurrentOneFollowsTheDatesUnlessSet() {
        assertThatThrownBy(() -> as(staff, () -> initiatives.create(draft("Projet aux dates folles",
                List.of(new PhaseDraft("Étape à l’envers", today, today.minusDays(1), "")), null))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        refusal -> assertThat(refusal.errors().get("phases").messageKey()).isEqualTo("initiative.phase.dates"));

        List<PhaseDraft> phases = List.of(new PhaseDraft("Passée", today.minusDays(30), today.minusDays(10), ""),
                new PhaseDraft("En cours", today.minusDays(9), today.plusDays(9), ""),
                new PhaseDraft("À venir", today.plusDays(10), today.plusDays(30), ""));
        long id = as(staff, () -> initiatives.create(draft("Projet en trois étapes", phases, null)));
        InitiativeDetail byDates = as(staff, () -> initiatives.detail(id)).orElseThrow();
        assertThat(byDates.phases()).extracting(Phase::when).containsExactly(Phase.When.PAST, Phase.When.CURRENT, Phase.When.FUTURE);

        as(staff, () -> initiatives.update(id, draft("Projet en trois étapes", phases, 2), byDates.version()));
        InitiativeDetail set = as(staff, () -> initiatives.detail(id)).orElseThrow();
        assertThat(set.phases()).extracting(Phase::when).containsExactly(Phase.When.PAST, Phase.When.PAST, Phase.When.CURRENT);
        assertThatThrownBy(() -> as(staff, () -> initiatives.update(id, draft("Projet en trois étapes", phases, null), byDates.version())))
                .isInstanceOf(OptimisticLockingFailureException.class);
    }

    @Test
    void coversAndUpdateImagesAreImagesAndFollowTheInitiativesVisibility() throws Exception {
        BufferedImage image = new BufferedImage(800, 500, BufferedImage.TYPE_INT_RGB);
        var bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        long id = as(staff, () -> initiatives.create(draft("Un projet illustré", List.of(), null)));
        assertThatThrownBy(() -> as(staff, () -> initiatives.changeCover(id, "pas une image du tout".getBytes(), "Le chantier vu de la rue")))
                .isInstanceOf(InvalidInputException.class);
        as(staff, () -> initiatives.changeCover(id, bytes.toByteArray(), "Le chantier vu de la rue"));
        long update = as(staff, () -> initiatives.postUpdate(id, "Une actualité illustrée", "Avec une photo du chantier.", bytes.toByteArray(),
                "Les engins sur le chantier"));

        assertThat(anonymously(() -> initiatives.cover(id, true))).as("draft: hidden").isEmpty();
        assertThat(anonymously(() -> initiatives.updateImage(update))).isEmpty();
        as(staff, () -> initiatives.publish(id));
        byte[] thumbnail = anonymously(() -> initiatives.cover(id, true)).orElseThrow();
        assertThat(ImageIO.read(new ByteArrayInputStream(thumbnail)).getWidth()).isEqualTo(480);
        assertThat(anonymously(() -> initiatives.updateImage(update))).isPresent();
        assertThat(anonymously(() -> initiatives.updates(id))).extracting(InitiativeUpdate::hasImage).containsExactly(true);
    }

    @Test
    void linkingAnIdeaShowsItOnBothPagesAndMayMoveItToInProgress() {
        ParticipeUser author = data.confirmedAccount("linked-author", Roles.RESIDENT);
        long idea = as(author, () -> ideas.propose(new IdeaDraft("Une idée reprise par la ville", "Une description assez longue pour être acceptée.", category, null, null)));
        long id = as(staff, () -> initiatives.create(draft("Le projet qui reprend l’idée", List.of(), null)));
        as(staff, () -> initiatives.publish(id));

        as(staff, () -> initiatives.linkIdea(id, idea, true));

        assertThat(anonymously(() -> initiatives.linkedIdeaIds(id))).containsExactly(idea);
        var detail = anonymously(() -> ideas.detail(idea)).orElseThrow();
        assertThat(detail.status()).isEqualTo(IdeaStatus.IN_PROGRESS);
        assertThat(detail.initiativeTitle()).isEqualTo("Le projet qui reprend l’idée");
        assertThat(anonymously(() -> ideas.timeline(idea))).extracting(TimelineEntry::toStatus).contains(IdeaStatus.IN_PROGRESS);
    }
}
