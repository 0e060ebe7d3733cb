package org.participe.initiatives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.participe.test.Security.anonymously;
import static org.participe.test.Security.as;

import java.util.List;
import java.util.Set;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.participe.base.validation.InvalidInputException;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.Images;
import org.participe.test.TestData;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Staff describe every cover and update image they add: the description is required with an
 * image, checked as any typed text, kept on one line, and read back with the initiative, its card
 * and its updates (the pages use it as the image's alternative text).
 */
@SpringBootTest
class InitiativeImageDescriptionIT {

    @Autowired InitiativeService initiatives;
    @Autowired TownService town;
    @Autowired TestData data;
    ParticipeUser staff;
    long initiative;
    byte[] image;

    @BeforeEach
    void setUp() throws Exception {
        data.ensureTown();
        staff = data.confirmedAccount("describing-staff", Roles.STAFF);
        long category = anonymously(() -> town.activeCategories()).getFirst().id();
        initiative = as(staff, () -> initiatives.create(new InitiativeDraft("Un square rénové", "Un résumé du projet assez long",
                "Une description du projet, assez longue pour passer.", category, Set.of(), null, InitiativeStatus.IN_PROGRESS, 10,
                "Service des espaces verts", List.of(), null)));
        image = Images.greyPng(400, 300);
    }

    private static void refusedOn(Runnable action, String field, String messageKey) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(InvalidInputException.class,
                refusal -> assertThat(refusal.errors()).containsOnlyKeys(field)
                        .hasEntrySatisfying(field, error -> assertThat(error.messageKey()).isEqualTo(messageKey)));
    }

    @Test
    void aCoverNeedsItsDescription() {
        refusedOn(() -> as(staff, () -> initiatives.changeCover(initiative, image, "   ")), "coverDescription",
                "initiative.image-description.required");
        refusedOn(() -> as(staff, () -> initiatives.changeCover(initiative, image, null)), "coverDescription",
                "initiative.image-description.required");
        refusedOn(() -> as(staff, () -> initiatives.changeCover(initiative, image, "x".repeat(251))), "coverDescription",
                "validation.max-length");
        assertThat(as(staff, () -> initiatives.detail(initiative)).orElseThrow().hasCover()).isFalse();

        as(staff, () -> initiatives.changeCover(initiative, image, "  Le square,\n  ses bancs et   ses tilleuls  "));
        InitiativeDetail detail = as(staff, () -> initiatives.detail(initiative)).orElseThrow();
        assertThat(detail.hasCover()).isTrue();
        assertThat(detail.coverDescription()).isEqualTo("Le square, ses bancs et ses tilleuls");
        assertThat(as(staff, () -> initiatives.cards(List.of(initiative)))).singleElement()
                .satisfies(card -> assertThat(card.coverDescription()).isEqualTo("Le square, ses bancs et ses tilleuls"));
    }

    @Test
    void theCoverAlreadyThereCanBeDescribedWithoutSendingItAgain() {
        refusedOn(() -> as(staff, () -> initiatives.changeCover(initiative, null, "Une image qui n'existe pas")), "cover",
                "initiative.cover.missing");

        as(staff, () -> initiatives.changeCover(initiative, image, "Le square avant les travaux"));
        byte[] cover = as(staff, () -> initiatives.cover(initiative, false)).orElseThrow();
        as(staff, () -> initiatives.changeCover(initiative, null, "Le square avant les travaux, vu depuis l'école"));

        assertThat(as(staff, () -> initiatives.detail(initiative)).orElseThrow().coverDescription())
                .isEqualTo("Le square avant les travaux, vu depuis l'école");
        assertThat(as(staff, () -> initiatives.cover(initiative, false))).as("the same image").hasValueSatisfying(kept -> assertThat(kept).containsExactly(cover));
    }

    @Test
    void anUpdateImageNeedsItsDescriptionAndAnUpdateWithoutImageNone() {
        refusedOn(() -> as(staff, () -> initiatives.postUpdate(initiative, "Les travaux commencent", "Les engins arrivent lundi.", image, "")),
                "updateImageDescription", "initiative.image-description.required");
        refusedOn(() -> as(staff, () -> initiatives.postUpdate(initiative, "Les travaux commencent", "Les engins arrivent lundi.", image,
                "Une description avec un caractère de contrôle \u0007")), "updateImageDescription", "validation.characters");

        long illustrated = as(staff, () -> initiatives.postUpdate(initiative, "Les travaux commencent", "Les engins arrivent lundi.", image,
                "Une pelleteuse devant le square"));
        long plain = as(staff, () -> initiatives.postUpdate(initiative, "Les travaux continuent", "Le chantier avance bien.", null,
                "Une description sans image"));

        assertThat(as(staff, () -> initiatives.updates(initiative)))
                .extracting(InitiativeUpdate::id, InitiativeUpdate::hasImage, InitiativeUpdate::imageDescription)
                .containsExactlyInAnyOrder(Tuple.tuple(illustrated, true, "Une pelleteuse devant le square"),
                        Tuple.tuple(plain, false, null));
    }
}
