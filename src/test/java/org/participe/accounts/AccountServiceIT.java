package org.participe.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.participe.test.Security.anonymously;
import static org.participe.test.Security.as;

import java.time.Duration;
import java.time.Year;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.participe.base.validation.InvalidInputException;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.Mails;
import org.participe.test.Security;
import org.participe.test.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Accounts on a real PostgreSQL, with e-mails through a real SMTP server. */
@SpringBootTest
class AccountServiceIT {

    @Autowired AccountService accounts;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService users;
    @Autowired SessionRegistry sessions;

    @BeforeEach
    void town() {
        data.ensureTown();
    }

    private Registration registration(String email) {
        return new Registration(email, "Camille Test", TestData.PASSWORD, null, 1990, Sex.FEMALE, true, Locale.FRENCH);
    }

    @Test
    void signUpSendsASingleUseConfirmationLinkThatUnlocksParticipation() {
        String email = TestData.uniqueEmail("newcomer");
        long id = anonymously(() -> accounts.register(registration(email), "10.0.0.1"));

        ParticipeUser before = (ParticipeUser) users.loadUserByUsername(email);
        assertThat(before.confirmed()).isFalse();
        assertThat(before.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_" + Roles.UNCONFIRMED);

        MimeMessage mail = Mails.awaitLatest(email, "Confirmez votre adresse");
        String token = Mails.token(mail);
        assertThat(jdbc.queryForObject("select count(*) from account_token where token_hash = ?", Integer.class, token))
                .as("only the digest of the token is stored").isZero();

        assertThat(anonymously(() -> accounts.confirm(token))).isEqualTo(ConfirmationResult.CONFIRMED);
        assertThat(anonymously(() -> accounts.confirm(token))).as("a link works once").isEqualTo(ConfirmationResult.INVALID);

        ParticipeUser after = (ParticipeUser) users.loadUserByUsername(email.toUpperCase());
        assertThat(after.accountId()).isEqualTo(id);
        assertThat(after.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_" + Roles.RESIDENT);
    }

    @Test
    void anExpiredConfirmationLinkIsRefusedAndANewOneCanBeAsked() {
        String email = TestData.uniqueEmail("late");
        long id = anonymously(() -> accounts.register(registration(email), "10.0.0.2"));
        String token = Mails.token(Mails.awaitLatest(email, "Confirmez"));
        jdbc.update("update account_token set created_at = now() - interval '3 days', expires_at = now() - interval '1 day' where account_id = ?", id);

        assertThat(anonymously(() -> accounts.confirm(token))).isEqualTo(ConfirmationResult.EXPIRED);

        as(Security.user(id, email, false), () -> accounts.resendConfirmation());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Mails.count(email) == 2);
        String fresh = Mails.token(Mails.awaitLatest(email, "Confirmez"));
        assertThat(fresh).isNotEqualTo(token);
        assertThat(anonymously(() -> accounts.confirm(fresh))).isEqualTo(ConfirmationResult.CONFIRMED);
    }

    @Test
    void signUpRefusesBadInputFieldByFieldAndWritesNothing() {
        String email = TestData.uniqueEmail("bad");
        int thisYear = Year.now().getValue();
        Registration bad = new Registration("not-an-address", "X", "azerty", 999_999L, thisYear - 10, null, false, Locale.FRENCH);
        assertThatThrownBy(() -> anonymously(() -> accounts.register(bad, "10.0.0.3")))
                .isInstanceOfSatisfying(InvalidInputException.class, refusal -> assertThat(refusal.errors())
                        .containsOnlyKeys("email", "displayName", "password", "neighbourhoodId", "birthYear", "termsAccepted")
                        .hasEntrySatisfying("birthYear", error -> assertThat(error.messageKey()).isEqualTo("signup.birth-year.too-young")));

        Registration personal = new Registration(email, "Jean-Baptiste Lemoine", "jean-baptiste lemoine 2026", null, null, null, true, Locale.FRENCH);
        assertThatThrownBy(() -> anonymously(() -> accounts.register(personal, "10.0.0.3")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        refusal -> assertThat(refusal.errors().get("password").messageKey()).isEqualTo("password.personal"));
        assertThat(jdbc.queryForObject("select count(*) from account where email = ?", Integer.class, email)).isZero();

        // Invisible characters in an address: the mailer failed on them (after the account was made), and
        // "admin@…" with a zero-width space inside would pass for the real one.
        for (String hidden : List.of("zero\u200Bwidth@example.org", "join\u200Ded@example.org", "bidi\u202E@example.org")) {
            assertThatThrownBy(() -> anonymously(() -> accounts.register(registration(hidden), "10.0.0.3"))).as(hidden)
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            refusal -> assertThat(refusal.errors().get("email").messageKey()).isEqualTo("validation.email"));
        }
    }

    @Test
    void anAddressCanHoldOnlyOneAccountWhateverItsCase() {
        String email = TestData.uniqueEmail("twice");
        anonymously(() -> accounts.register(registration(email), "10.0.0.4"));
        // The second sign-up is answered as the first (its owner is told by mail: AccountNoticesIT), and creates nothing.
        assertThat(anonymously(() -> accounts.register(registration(email.toUpperCase()), "10.0.0.4"))).isZero();
        assertThat(jdbc.queryForObject("select count(*) from account where lower(email) = ?", Integer.class, email)).isEqualTo(1);
    }

    @Test
    void passwordResetAnswersTheSameForUnknownAddressesAndItsLinkWorksOnce() throws Exception {
        ParticipeUser person = data.confirmedAccount("forgetful", Roles.RESIDENT);
        String unknown = TestData.uniqueEmail("nobody");

        anonymously(() -> accounts.requestPasswordReset(unknown, "10.0.1.1"));
        anonymously(() -> accounts.requestPasswordReset(person.email(), "10.0.1.1"));
        String token = Mails.token(Mails.awaitLatest(person.email(), "mot de passe"));
        assertThat(Mails.count(unknown)).as("nothing is sent to an unknown address").isZero();

        assertThat(anonymously(() -> accounts.isResetTokenUsable(token))).isTrue();
        anonymously(() -> accounts.resetPassword(token, "Un tout nouveau mot de passe pour 2027"));
        assertThat(anonymously(() -> accounts.isResetTokenUsable(token))).isFalse();
        assertThatThrownBy(() -> anonymously(() -> accounts.resetPassword(token, "Encore un autre mot de passe solide")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aResetLinkExpiresAfterSixHours() {
        ParticipeUser person = data.confirmedAccount("slow", Roles.RESIDENT);
        anonymously(() -> accounts.requestPasswordReset(person.email(), "10.0.1.2"));
        String token = Mails.token(Mails.awaitLatest(person.email(), "mot de passe"));
        Long hours = jdbc.queryForObject("select extract(epoch from expires_at - created_at)::bigint / 3600 from account_token where account_id = ? and purpose = 'RESET_PASSWORD'",
                Long.class, person.accountId());
        assertThat(hours).isEqualTo(6);
        jdbc.update("update account_token set created_at = now() - interval '7 hours', expires_at = now() - interval '1 hour' where account_id = ?", person.accountId());
        assertThat(anonymously(() -> accounts.isResetTokenUsable(token))).isFalse();
    }

    @Test
    void aResetEndsEverySessionOfTheAccount() {
        ParticipeUser person = data.confirmedAccount("sessions", Roles.RESIDENT);
        sessions.registerNewSession("phone-" + person.accountId(), person);
        sessions.registerNewSession("laptop-" + person.accountId(), person);
        anonymously(() -> accounts.requestPasswordReset(person.email(), "10.0.1.3"));
        String token = Mails.token(Mails.awaitLatest(person.email(), "mot de passe"));

        anonymously(() -> accounts.resetPassword(token, "Un tout nouveau mot de passe pour 2027"));

        assertThat(sessions.getSessionInformation("phone-" + person.accountId()).isExpired()).isTrue();
        assertThat(sessions.getSessionInformation("laptop-" + person.accountId()).isExpired()).isTrue();
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndKeepsOnlyTheCurrentSession() {
        ParticipeUser person = data.confirmedAccount("changer", Roles.RESIDENT);
        sessions.registerNewSession("here-" + person.accountId(), person);
        sessions.registerNewSession("elsewhere-" + person.accountId(), person);

        assertThatThrownBy(() -> as(person, () -> accounts.changePassword("wrong", "Un tout nouveau mot de passe pour 2027", "here")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        refusal -> assertThat(refusal.errors()).containsKey("currentPassword"));
        as(person, () -> accounts.changePassword(TestData.PASSWORD, "Un tout nouveau mot de passe pour 2027", "here-" + person.accountId()));

        assertThat(sessions.getSessionInformation("here-" + person.accountId()).isExpired()).isFalse();
        assertThat(sessions.getSessionInformation("elsewhere-" + person.accountId()).isExpired()).isTrue();
    }

    @Test
    void anEmailChangeTakesEffectOnlyWhenTheNewAddressIsConfirmed() {
        ParticipeUser person = data.confirmedAccount("mover", Roles.RESIDENT);
        String newEmail = TestData.uniqueEmail("moved");
        as(person, () -> accounts.requestEmailChange(newEmail, TestData.PASSWORD));
        assertThat(as(person, () -> accounts.myProfile()).email()).isEqualTo(person.email());

        String token = Mails.token(Mails.awaitLatest(newEmail, "nouvelle adresse"));
        assertThat(anonymously(() -> accounts.confirm(token))).isEqualTo(ConfirmationResult.EMAIL_CHANGED);
        assertThat(as(person, () -> accounts.myProfile()).email()).isEqualTo(newEmail);
    }

    @Test
    void profileUpdatesAreValidatedAndGuardedAgainstStaleVersions() {
        ParticipeUser person = data.confirmedAccount("profile", Roles.RESIDENT);
        Profile profile = as(person, () -> accounts.myProfile());
        Profile updated = as(person, () -> accounts.updateProfile(new ProfileUpdate("Nouveau Nom", null, 1980, Sex.OTHER, profile.version())));
        assertThat(updated.displayName()).isEqualTo("Nouveau Nom");

        assertThatThrownBy(() -> as(person, () -> accounts.updateProfile(new ProfileUpdate("Autre Nom", null, null, null, profile.version()))))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThatThrownBy(() -> as(person, () -> accounts.updateProfile(new ProfileUpdate("<script>", null, null, null, updated.version()))))
                .isInstanceOf(InvalidInputException.class);
        for (String impostor : List.of("Ad\u200Bmin Mairie", "\u202Eeiriam al ed ecivreS", "Élu\u2060e officielle")) {
            assertThatThrownBy(() -> as(person, () -> accounts.updateProfile(new ProfileUpdate(impostor, null, null, null, updated.version()))))
                    .as(impostor).isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.errors().get("displayName").messageKey()).isEqualTo("signup.display-name.hidden"));
        }
        assertThat(as(person, () -> accounts.updateProfile(new ProfileUpdate("Famille \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", null, null, null,
                updated.version()))).displayName()).as("an emoji joined by U+200D stays allowed").endsWith("\uD83D\uDC67");
    }

    @Test
    void onlyAdministratorsManageRolesAndNoneCanDropTheirOwnAdminRole() {
        ParticipeUser admin = data.confirmedAccount("admin", Roles.ADMIN);
        ParticipeUser resident = data.confirmedAccount("resident", Roles.RESIDENT);

        assertThatThrownBy(() -> as(resident, () -> accounts.people("", Pageable.ofSize(10))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(resident, () -> accounts.setRoles(resident.accountId(), Set.of(Roles.ADMIN))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> anonymously(() -> accounts.myProfile())).isInstanceOf(AccessDeniedException.class);

        PersonRow promoted = as(admin, () -> accounts.setRoles(resident.accountId(), Set.of(Roles.RESIDENT, Roles.OFFICIAL)));
        assertThat(promoted.roles()).containsExactlyInAnyOrder(Roles.RESIDENT, Roles.OFFICIAL);
        assertThatThrownBy(() -> as(admin, () -> accounts.setRoles(admin.accountId(), Set.of(Roles.RESIDENT))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        refusal -> assertThat(refusal.errors().get("roles").messageKey()).isEqualTo("admin.roles.own-admin"));
        assertThat(jdbc.queryForList("select role from account_role where account_id = ?", String.class, admin.accountId()))
                .containsExactly(Roles.ADMIN);
    }

    @Test
    void thePeopleSearchTakesWildcardsLiterallyAndBlockReasonsAreText() {
        ParticipeUser admin = data.confirmedAccount("admin", Roles.ADMIN);
        ParticipeUser official = data.confirmedAccount("official", Roles.OFFICIAL);
        ParticipeUser resident = data.confirmedAccount("resident", Roles.RESIDENT);
        long everyone = jdbc.queryForObject("select count(*) from account", Long.class);
        long withUnderscore = jdbc.queryForObject(
                "select count(*) from account where lower(display_name) like '%\\_%' or email like '%\\_%'", Long.class);

        assertThat(as(admin, () -> accounts.countPeople("_"))).isEqualTo(withUnderscore).isLessThan(everyone);
        assertThat(as(admin, () -> accounts.countPeople("\u0000%"))).isLessThan(everyone);
        assertThatThrownBy(() -> as(official, () -> accounts.block(resident.accountId(), "Propos injurieux\u0000 répétés")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsKey("reason"));
        assertThat(jdbc.queryForObject("select blocked_at is null from account where id = ?", Boolean.class, resident.accountId())).isTrue();
    }

    @Test
    void theDatabaseItselfRefusesAnInvalidRoleOrASecondAccountForOneAddress() {
        ParticipeUser person = data.confirmedAccount("constraints", Roles.RESIDENT);
        assertThatThrownBy(() -> jdbc.update("insert into account_role (account_id, role) values (?, 'KING')", person.accountId()))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("""
                insert into account (email, display_name, password_hash, terms_accepted_at) values (?, 'Dup', 'x', now())""", person.email()))
                .isInstanceOf(DuplicateKeyException.class);
    }
}
