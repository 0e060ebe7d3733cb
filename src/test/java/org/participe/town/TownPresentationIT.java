package org.participe.town;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.participe.test.Security.anonymously;
import static org.participe.test.Security.as;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.participe.base.validation.InvalidInputException;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.TestData;
import org.participe.town.TownProfile.Presentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** The town's presentation in English: saved beside the French one, checked like it, by the service and the database. */
@SpringBootTest
class TownPresentationIT {

    @Autowired TownService town;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    ParticipeUser admin;
    TownProfile before;

    @BeforeEach
    void setUp() {
        data.ensureTown();
        admin = data.confirmedAccount("presentation-admin", Roles.ADMIN);
        before = anonymously(() -> town.profile());
    }

    @AfterEach
    void restore() {
        TownProfile now = anonymously(() -> town.profile());
        as(admin, () -> town.update(TownSettingsUpdate.from(now).withPresentations(before.description(), before.descriptionEn())));
    }

    @Test
    void anAdministratorSavesAnEnglishPresentationThatEveryoneReads() {
        TownProfile saved = as(admin, () -> town.update(TownSettingsUpdate.from(before)
                .withPresentations("Une ville qui écoute.", "  A town that listens.  ")));

        assertThat(saved.descriptionEn()).isEqualTo("A town that listens.");
        TownProfile read = anonymously(() -> town.profile());
        assertThat(read.presentation(Locale.ENGLISH)).contains(new Presentation("A town that listens.", "en"));
        assertThat(read.presentation(Locale.FRENCH)).contains(new Presentation("Une ville qui écoute.", "fr"));
    }

    @Test
    void onlyAnAdministratorChangesIt() {
        ParticipeUser official = data.confirmedAccount("presentation-official", Roles.OFFICIAL, Roles.STAFF, Roles.RESIDENT);
        assertThatThrownBy(() -> as(official, () -> town.update(TownSettingsUpdate.from(before).withPresentations("", "Hijacked"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(anonymously(() -> town.profile()).descriptionEn()).isEqualTo(before.descriptionEn());
    }

    @Test
    void theEnglishPresentationIsCheckedLikeTheFrenchOneFieldByField() {
        String tooLong = "a".repeat(TownService.MAX_PRESENTATION + 1);
        assertThatThrownBy(() -> as(admin, () -> town.update(TownSettingsUpdate.from(before).withPresentations("Une ville", tooLong))))
                .isInstanceOfSatisfying(InvalidInputException.class, refusal -> {
                    assertThat(refusal.errors()).containsOnlyKeys("descriptionEn");
                    assertThat(refusal.errors().get("descriptionEn").messageKey()).isEqualTo("validation.max-length");
                });
        assertThatThrownBy(() -> as(admin, () -> town.update(TownSettingsUpdate.from(before).withPresentations(tooLong, "A town\u0000"))))
                .isInstanceOfSatisfying(InvalidInputException.class, refusal -> {
                    assertThat(refusal.errors()).containsOnlyKeys("description", "descriptionEn");
                    assertThat(refusal.errors().get("descriptionEn").messageKey()).isEqualTo("validation.characters");
                });
        assertThatThrownBy(() -> as(admin, () -> town.update(TownSettingsUpdate.from(before).withPresentations("", "\u200b\u200b"))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        refusal -> assertThat(refusal.errors().get("descriptionEn").messageKey()).isEqualTo("validation.invisible"));
        // 600 characters, one of them outside the BMP (two Java chars), are accepted, as the database counts them.
        String longest = "😀" + "a".repeat(TownService.MAX_PRESENTATION - 1);
        assertThat(as(admin, () -> town.update(TownSettingsUpdate.from(anonymously(() -> town.profile())).withPresentations("", longest)))
                .descriptionEn()).isEqualTo(longest);
    }

    @Test
    void theDatabaseHoldsTheSameLimit() {
        assertThatThrownBy(() -> jdbc.sql("update town_settings set description_en = ? where id = 1")
                .param("a".repeat(TownService.MAX_PRESENTATION + 1)).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("update town_settings set description_en = null where id = 1").update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void formsThatDoNotKnowTheEnglishPresentationLeaveItAsItIs() {
        TownProfile withEnglish = as(admin, () -> town.update(TownSettingsUpdate.from(before).withPresentations("Une ville", "A town")));
        TownProfile after = as(admin, () -> town.update(new TownSettingsUpdate(withEnglish.name(), "Une autre ville", withEnglish.mainColour(),
                withEnglish.thresholdSupports(), withEnglish.thresholdDays(), withEnglish.preModeration(), withEnglish.flagsToHide(),
                withEnglish.answerDueDays(), withEnglish.unansweredAlertDays(), withEnglish.version())));
        assertThat(after.description()).isEqualTo("Une autre ville");
        assertThat(after.descriptionEn()).isEqualTo("A town");
    }
}
