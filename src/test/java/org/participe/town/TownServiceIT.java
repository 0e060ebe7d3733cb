package org.participe.town;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.participe.test.Security.anonymously;
import static org.participe.test.Security.as;

import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.participe.base.validation.InvalidInputException;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.RestoreTownSettings;
import org.participe.test.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

@SpringBootTest
@ExtendWith(RestoreTownSettings.class)
class TownServiceIT {

    /** A 1×1 PNG. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    @Autowired TownService town;
    @Autowired TestData data;
    ParticipeUser admin;

    @BeforeEach
    void setUp() {
        data.ensureTown();
        admin = data.confirmedAccount("town-admin", Roles.ADMIN);
    }

    @Test
    void everyoneReadsTheSettingsButOnlyAnAdministratorChangesThem() {
        TownProfile profile = anonymously(() -> town.profile());
        assertThat(profile.name()).isNotBlank();
        ParticipeUser official = data.confirmedAccount("town-official", Roles.OFFICIAL, Roles.STAFF);
        TownSettingsUpdate update = new TownSettingsUpdate("Testville", "Une ville test", "#1a5fb4", 200, 60, true, 3, 30, 60, profile.version());

        assertThatThrownBy(() -> as(official, () -> town.update(update))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> anonymously(() -> town.addNeighbourhood("Clandestin"))).isInstanceOf(AccessDeniedException.class);

        TownProfile saved = as(admin, () -> town.update(update));
        assertThat(saved.thresholdSupports()).isEqualTo(200);
        assertThat(saved.preModeration()).isTrue();
        as(admin, () -> town.update(new TownSettingsUpdate("Testville", "", "#1a5fb4", 300, 90, false, 3, 30, 60, saved.version())));
    }

    @Test
    void moderationRulesAreCheckedFieldByFieldAndKept() {
        TownProfile profile = anonymously(() -> town.profile());
        TownSettingsUpdate base = new TownSettingsUpdate(profile.name(), profile.description(), profile.mainColour(), profile.thresholdSupports(),
                profile.thresholdDays(), profile.preModeration(), 3, 30, 60, profile.version());
        assertThatThrownBy(() -> as(admin, () -> town.update(base.withModeration(0, 400, 0))))
                .isInstanceOfSatisfying(InvalidInputException.class, refusal -> assertThat(refusal.errors())
                        .containsOnlyKeys("flagsToHide", "answerDueDays", "unansweredAlertDays"));
        TownProfile saved = as(admin, () -> town.update(base.withModeration(5, 14, 30)));
        assertThat(saved.flagsToHide()).isEqualTo(5);
        assertThat(saved.answerDueDays()).isEqualTo(14);
        assertThat(anonymously(() -> town.profile()).unansweredAlertDays()).isEqualTo(30);
        as(admin, () -> town.update(new TownSettingsUpdate(saved.name(), saved.description(), saved.mainColour(), saved.thresholdSupports(),
                saved.thresholdDays(), saved.preModeration(), 3, 30, 60, saved.version())));
    }

    @Test
    void aColourUnreadableWithWhiteTextIsRefusedWithTheMeasuredContrast() {
        TownProfile profile = anonymously(() -> town.profile());
        assertThatThrownBy(() -> as(admin, () -> town.update(new TownSettingsUpdate("Testville", "", "#ffdd00", 300, 90, false, 3, 30, 60, profile.version()))))
                .isInstanceOfSatisfying(InvalidInputException.class, refusal -> {
                    assertThat(refusal.errors().get("mainColour").messageKey()).isEqualTo("town.colour.contrast");
                    assertThat(refusal.errors().get("mainColour").arguments()).isNotEmpty();
                });
    }

    @Test
    void twoAdministratorsSavingFromTheSameVersionDoNotOverwriteEachOther() {
        TownProfile seen = anonymously(() -> town.profile());
        as(admin, () -> town.update(new TownSettingsUpdate("Testville", "première", "#1a5fb4", 300, 90, false, 3, 30, 60, seen.version())));
        assertThatThrownBy(() -> as(admin, () -> town.update(new TownSettingsUpdate("Testville", "seconde", "#1a5fb4", 300, 90, false, 3, 30, 60, seen.version()))))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(anonymously(() -> town.profile()).description()).isEqualTo("première");
    }

    @Test
    void theLogoMustReallyBeAnImage() {
        assertThatThrownBy(() -> as(admin, () -> town.changeLogo("<svg onload=alert(1)>".getBytes())))
                .isInstanceOf(InvalidInputException.class);
        as(admin, () -> town.changeLogo(PNG));
        assertThat(anonymously(() -> town.logo())).get().satisfies(logo -> assertThat(logo.contentType()).isEqualTo("image/png"));
        assertThat(anonymously(() -> town.profile()).hasLogo()).isTrue();
        as(admin, () -> town.removeLogo());
        assertThat(anonymously(() -> town.logo())).isEmpty();
    }

    @Test
    void neighbourhoodAndCategoryNamesAreUniqueWhateverTheirCase() {
        String name = "Quartier " + System.nanoTime();
        as(admin, () -> town.addNeighbourhood(name));
        assertThatThrownBy(() -> as(admin, () -> town.addNeighbourhood(name.toUpperCase())))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        refusal -> assertThat(refusal.errors().get("name").messageKey()).isEqualTo("town.name.taken"));
        String theme = "Thème " + System.nanoTime();
        Category category = as(admin, () -> town.addCategory(theme, "Theme " + System.nanoTime()));
        Category hidden = as(admin, () -> town.changeCategory(category.id(), category.nameFr(), category.nameEn(), false, category.version()));
        assertThat(anonymously(() -> town.activeCategories())).extracting(Category::id).doesNotContain(hidden.id());
    }

    @Test
    void pagesReadTheReferenceDataFromMemoryYetSeeEveryChangeAtOnce() {
        String name = "Quartier " + System.nanoTime();
        assertThat(anonymously(() -> town.neighbourhoods())).extracting(Neighbourhood::name).doesNotContain(name);
        Neighbourhood added = as(admin, () -> town.addNeighbourhood(name));
        assertThat(anonymously(() -> town.activeNeighbourhoods())).contains(added);
        Neighbourhood closed = as(admin, () -> town.changeNeighbourhood(added.id(), name, false, added.version()));
        assertThat(anonymously(() -> town.activeNeighbourhoods())).extracting(Neighbourhood::id).doesNotContain(added.id());
        assertThat(anonymously(() -> town.neighbourhood(added.id()))).contains(closed);
        TownProfile seen = anonymously(() -> town.profile());
        assertThatThrownBy(() -> as(admin, () -> town.update(new TownSettingsUpdate("Ville refusée", "", "#1a5fb4", 300, 90, false, 3, 30, 60,
                seen.version() - 1)))).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(anonymously(() -> town.profile())).isEqualTo(seen);
    }
}
