package org.participe.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.participe.test.Security.anonymously;
import static org.participe.test.Security.as;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.participe.base.content.ContentKey;
import org.participe.base.validation.InvalidInputException;
import org.participe.base.validation.TooManyRequestsException;
import org.participe.comments.CommentService;
import org.participe.follows.FollowService;
import org.participe.ideas.IdeaDraft;
import org.participe.ideas.IdeaService;
import org.participe.moderation.ModerationReason;
import org.participe.moderation.ModerationService;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.PersonalDataFaults;
import org.participe.test.TestData;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.session.SessionRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A resident's rights over their data: a readable copy only they can fetch, and a deletion that is all or nothing. */
@SpringBootTest
class PrivacyIT {

    @Autowired PrivacyService privacy;
    @Autowired IdeaService ideas;
    @Autowired CommentService comments;
    @Autowired FollowService follows;
    @Autowired ModerationService moderation;
    @Autowired TownService town;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    @Autowired SessionRegistry sessions;
    @Autowired UserDetailsService users;
    @Autowired PasswordEncoder passwords;

    long category;
    ParticipeUser resident;
    ParticipeUser neighbour;
    long idea;
    long othersIdea;
    long comment;

    @BeforeEach
    void aResidentWhoTookPart() {
        data.ensureTown();
        category = anonymously(() -> town.activeCategories()).getFirst().id();
        resident = data.confirmedAccount("rights", Roles.RESIDENT);
        neighbour = data.confirmedAccount("neighbour", Roles.RESIDENT);
        jdbc.update("update account set birth_year = 1980, sex = 'FEMALE' where id = ?", resident.accountId());
        idea = as(resident, () -> ideas.propose(new IdeaDraft("Des bancs <b>place</b> de l’église",
                "Une description assez longue ; avec des « guillemets » et = un signe.", category, null, null)));
        othersIdea = as(neighbour, () -> ideas.propose(new IdeaDraft("Un composteur partagé au parc",
                "Une description assez longue pour être acceptée.", category, null, null)));
        as(resident, () -> ideas.support(othersIdea));
        as(neighbour, () -> ideas.support(idea));
        comment = as(resident, () -> comments.post(ContentKey.idea(othersIdea), null, "Bonne idée, je viendrai aider."));
        as(resident, () -> follows.follow(ContentKey.idea(othersIdea)));
        as(resident, () -> moderation.flag(ContentKey.idea(othersIdea), ModerationReason.OTHER, "Doublon d’une autre idée"));
        jdbc.update("insert into notification (recipient_id, kind, event_key, target_type, target_id, subject) values (?, 'COMMENT', ?, 'IDEA', ?, 'Nouveau commentaire')",
                resident.accountId(), "test-" + UUID.randomUUID(), idea);
        jdbc.update("insert into login_attempt (account_id, email, outcome, client_ip) values (?, ?, 'SUCCESS', '192.0.2.7')",
                resident.accountId(), resident.email());
    }

    @AfterEach
    void noFaultLeftArmed() {
        PersonalDataFaults.disarm();
    }

    private Map<String, String> download(ParticipeUser who, UUID export, Locale language) {
        var bytes = new ByteArrayOutputStream();
        as(who, () -> {
            try {
                privacy.writeExport(export, language, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Map<String, String> files = new LinkedHashMap<>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(bytes.toByteArray()), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    @Test
    void theCopyIsAnOrdinaryZipOfJsonAndCsvWithAReadmeInThePersonsLanguage() {
        DataExport export = as(resident, () -> privacy.requestExport());
        assertThat(export.expiresAt()).isEqualTo(export.createdAt().plus(Duration.ofDays(7)));

        Map<String, String> files = download(resident, export.id(), Locale.FRENCH);

        assertThat(files.keySet()).contains("LISEZMOI.txt", "profile.json", "profile.csv", "ideas.json", "ideas.csv", "supports.json",
                "comments.json", "follows.json", "notifications.json", "notification_preferences.json", "flags.json", "login_history.json");
        JsonNode profile = JsonMapper.builder().build().readTree(files.get("profile.json"));
        assertThat(profile).hasSize(1);
        assertThat(profile.get(0).get("email").asString()).isEqualTo(resident.email());
        assertThat(profile.get(0).get("birth_year").asInt()).isEqualTo(1980);
        JsonNode myIdeas = JsonMapper.builder().build().readTree(files.get("ideas.json"));
        assertThat(myIdeas).hasSize(1);
        assertThat(myIdeas.get(0).get("title").asString()).isEqualTo("Des bancs <b>place</b> de l’église");
        assertThat(files.get("ideas.csv")).startsWith("\uFEFFid;title;description;")
                .contains("\"Une description assez longue ; avec des « guillemets » et = un signe.\"");
        assertThat(files.get("supports.json")).contains("\"idea_id\" : " + othersIdea).doesNotContain("\"idea_id\" : " + idea);
        assertThat(files.get("comments.json")).contains("Bonne idée, je viendrai aider.");
        assertThat(files.get("flags.json")).contains("Doublon d’une autre idée");
        assertThat(files.get("login_history.json")).contains("192.0.2.7");
        assertThat(files.get("notifications.json")).contains("Nouveau commentaire");
        assertThat(files.get("LISEZMOI.txt")).contains("ideas.json, ideas.csv (1 ligne)", "Les idées que vous avez proposées")
                .doesNotContain("!my-data");

        assertThat(download(resident, export.id(), Locale.ENGLISH).get("README.txt")).contains("The ideas you proposed")
                .doesNotContain("!my-data");
        assertThat(jdbc.queryForObject("select downloads from data_export where id = ?", Integer.class, export.id())).isEqualTo(2);
    }

    @Test
    void onlyItsOwnerCanUseTheLinkAndOnlyForSevenDays() {
        DataExport export = as(resident, () -> privacy.requestExport());

        assertThat(as(neighbour, () -> privacy.isMyValidExport(export.id()))).isFalse();
        assertThatThrownBy(() -> download(neighbour, export.id(), Locale.FRENCH)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> anonymously(() -> privacy.isMyValidExport(export.id()))).isInstanceOf(AccessDeniedException.class);
        assertThat(as(resident, () -> privacy.isMyValidExport(export.id()))).isTrue();
        assertThat(as(resident, () -> privacy.myExports())).extracting(DataExport::id).containsExactly(export.id());

        jdbc.update("update data_export set created_at = created_at - interval '7 days 1 minute', expires_at = expires_at - interval '7 days 1 minute' where id = ?",
                export.id());
        assertThat(as(resident, () -> privacy.isMyValidExport(export.id()))).isFalse();
        assertThat(as(resident, () -> privacy.myExports())).isEmpty();
    }

    @Test
    void deletingKeepsContributionsUnderDeletedAccountAndSupportsCountedAnonymously() {
        int supportsBefore = as(neighbour, () -> ideas.supportCount(othersIdea));
        long liveSession = registerSession(resident);

        as(resident, () -> privacy.deleteMyAccount(TestData.PASSWORD, false));

        Map<String, Object> account = jdbc.queryForMap("select * from account where id = ?", resident.accountId());
        assertThat(account.get("email")).isEqualTo("deleted-" + resident.accountId() + "@deleted.invalid");
        assertThat(account.get("display_name")).isEqualTo("Compte supprimé");
        assertThat(account.get("birth_year")).isNull();
        assertThat(account.get("sex")).isNull();
        assertThat(account.get("deleted_at")).isNotNull();
        assertThat(count("select count(*) from account_role where account_id = ?")).isZero();
        assertThat(count("select count(*) from follow where account_id = ?")).isZero();
        assertThat(count("select count(*) from notification where recipient_id = ?")).isZero();
        assertThat(count("select count(*) from login_attempt where account_id = ?")).isZero();
        assertThat(count("select count(*) from data_export where account_id = ?")).isZero();
        assertThat(as(neighbour, () -> ideas.supportCount(othersIdea))).as("the support still counts").isEqualTo(supportsBefore);
        assertThat(jdbc.queryForObject("select title from idea where id = ?", String.class, idea)).isEqualTo("Des bancs <b>place</b> de l’église");
        assertThat(jdbc.queryForObject("select body from comment where id = ?", String.class, comment)).isEqualTo("Bonne idée, je viendrai aider.");
        assertThat(sessions.getSessionInformation("session-" + liveSession).isExpired()).as("sessions end").isTrue();
        assertThatThrownBy(() -> users.loadUserByUsername(resident.email())).as("login refused").isInstanceOf(UsernameNotFoundException.class);
        assertThatThrownBy(() -> users.loadUserByUsername("deleted-" + resident.accountId() + "@deleted.invalid"))
                .isInstanceOf(UsernameNotFoundException.class);
        assertThat(passwords.matches(TestData.PASSWORD, (String) account.get("password_hash"))).isFalse();
    }

    @Test
    void deletingCanEraseTheTextOfIdeasAndComments() {
        as(resident, () -> privacy.deleteMyAccount(TestData.PASSWORD, true));

        assertThat(jdbc.queryForObject("select title from idea where id = ?", String.class, idea)).isEqualTo("Idée effacée à la demande de son auteur");
        assertThat(jdbc.queryForObject("select description from idea where id = ?", String.class, idea)).doesNotContain("guillemets");
        assertThat(jdbc.queryForObject("select deleted_at is not null and body not like '%aider%' from comment where id = ?", Boolean.class, comment)).isTrue();
        assertThat(jdbc.queryForObject("select note from flag where account_id = ?", String.class, resident.accountId())).isEqualTo("(effacé)");
        assertThat(as(neighbour, () -> ideas.supportCount(idea))).as("others' supports stay").isEqualTo(1);
    }

    @Test
    void aFailureHalfwayLeavesEverythingAsItWas() {
        long followsBefore = count("select count(*) from follow where account_id = ?");
        PersonalDataFaults.failNextErase();

        assertThatThrownBy(() -> as(resident, () -> privacy.deleteMyAccount(TestData.PASSWORD, true))).isInstanceOf(IllegalStateException.class);

        assertThat(jdbc.queryForObject("select email from account where id = ?", String.class, resident.accountId())).isEqualTo(resident.email());
        assertThat(jdbc.queryForObject("select title from idea where id = ?", String.class, idea)).isEqualTo("Des bancs <b>place</b> de l’église");
        assertThat(jdbc.queryForObject("select deleted_at is null from comment where id = ?", Boolean.class, comment)).isTrue();
        assertThat(count("select count(*) from follow where account_id = ?")).isEqualTo(followsBefore).isPositive();
        assertThat(count("select count(*) from notification where recipient_id = ?")).isOne();
        assertThat(passwords.matches(TestData.PASSWORD, users.loadUserByUsername(resident.email()).getPassword())).isTrue();
    }

    @Test
    void aWrongPasswordOrAnAdministratorIsRefusedAndNothingChanges() {
        assertThatThrownBy(() -> as(resident, () -> privacy.deleteMyAccount("not my password", false)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsKey("password"));
        assertThatThrownBy(() -> as(resident, () -> privacy.deleteMyAccount(null, false))).isInstanceOf(InvalidInputException.class);
        assertThat(jdbc.queryForObject("select deleted_at is null from account where id = ?", Boolean.class, resident.accountId())).isTrue();

        ParticipeUser admin = data.confirmedAccount("admin", Roles.ADMIN, Roles.RESIDENT);
        assertThatThrownBy(() -> as(admin, () -> privacy.deleteMyAccount(TestData.PASSWORD, false)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get("password").messageKey()).isEqualTo("my-data.delete.admin"));
        assertThat(jdbc.queryForObject("select deleted_at is null from account where id = ?", Boolean.class, admin.accountId())).isTrue();
        assertThatThrownBy(() -> anonymously(() -> privacy.deleteMyAccount(TestData.PASSWORD, false))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void thePasswordCannotBeGuessedThroughTheDeletion() {
        for (int i = 0; i < PrivacyService.DELETION_ATTEMPTS_PER_HOUR; i++) {
            int attempt = i;
            assertThatThrownBy(() -> as(resident, () -> privacy.deleteMyAccount("guess number " + attempt, false)))
                    .isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> as(resident, () -> privacy.deleteMyAccount(TestData.PASSWORD, false)))
                .isInstanceOf(TooManyRequestsException.class);
        assertThat(jdbc.queryForObject("select deleted_at is null from account where id = ?", Boolean.class, resident.accountId())).isTrue();
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class, resident.accountId());
    }

    private long registerSession(ParticipeUser who) {
        long id = System.nanoTime();
        sessions.registerNewSession("session-" + id, who);
        return id;
    }
}
