package org.participe.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.participe.test.Security.anonymously;
import static org.participe.test.Security.as;

import java.util.Locale;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.participe.base.validation.InvalidInputException;
import org.participe.base.validation.TooManyRequestsException;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.Mails;
import org.participe.test.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sign-up tells nobody whether an address has an account (its owner is told by mail), counts
 * every attempt against the address's limit, and people are told when their address or password
 * changes, in their language, by mails without a token.
 */
@SpringBootTest(properties = "participe.accounts.signups-per-address-per-hour=3")
class AccountNoticesIT {

    private static final Pattern ANY_TOKEN = Pattern.compile("token=");

    @Autowired AccountService accounts;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void town() {
        data.ensureTown();
    }

    private static Registration registration(String email) {
        return new Registration(email, "Camille Test", TestData.PASSWORD, null, 1990, Sex.FEMALE, true, Locale.FRENCH);
    }

    @Test
    void signingUpWithAnAddressAlreadyUsedAnswersAsForANewOneAndTellsItsOwner() throws Exception {
        ParticipeUser owner = data.confirmedAccount("owner", Roles.RESIDENT);
        int accountsBefore = jdbc.queryForObject("select count(*) from account", Integer.class);

        long answer = anonymously(() -> accounts.register(registration(owner.email().toUpperCase(Locale.ROOT)), "192.0.2.41"));

        assertThat(answer).as("no error, no account").isZero();
        assertThat(jdbc.queryForObject("select count(*) from account", Integer.class)).isEqualTo(accountsBefore);
        MimeMessage notice = Mails.awaitLatest(owner.email(), "Tentative d’inscription");
        String body = GreenMailUtil.getBody(notice).replace("=\r\n", "").replace("=3D", "=");
        assertThat(body).contains("forgot-password").contains("/login");
        assertThat(ANY_TOKEN.matcher(body).find()).as("no token in a notice").isFalse();
        assertThat(Mails.count(owner.email())).as("one notice, no confirmation link").isEqualTo(1);

        String newcomer = TestData.uniqueEmail("newcomer-notice");
        assertThat(anonymously(() -> accounts.register(registration(newcomer), "192.0.2.42"))).isPositive();
        assertThat(Mails.awaitLatest(newcomer, "Confirmez")).isNotNull();
    }

    @Test
    void theSignUpLimitCountsInvalidAttemptsToo() {
        String address = "192.0.2.43";
        Registration invalid = new Registration("not an address", "X", "short", null, null, null, false, Locale.FRENCH);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> anonymously(() -> accounts.register(invalid, address))).isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> anonymously(() -> accounts.register(registration(TestData.uniqueEmail("fourth")), address)))
                .isInstanceOf(TooManyRequestsException.class);
        assertThat(anonymously(() -> accounts.register(registration(TestData.uniqueEmail("elsewhere")), "192.0.2.44"))).isPositive();
    }

    @Test
    void theFormerAddressIsToldWhenTheAddressChanges() throws Exception {
        ParticipeUser person = data.confirmedAccount("mover-notice", Roles.RESIDENT);
        String newEmail = TestData.uniqueEmail("moved-notice");
        as(person, () -> accounts.requestEmailChange(newEmail, TestData.PASSWORD));
        anonymously(() -> accounts.confirm(Mails.token(Mails.awaitLatest(newEmail, "nouvelle adresse"))));

        MimeMessage notice = Mails.awaitLatest(person.email(), "adresse e-mail a été changée");
        String body = GreenMailUtil.getBody(notice).replace("=\r\n", "").replace("=3D", "=");
        assertThat(body).contains(newEmail);
        assertThat(ANY_TOKEN.matcher(body).find()).isFalse();
    }

    /** Moving an account to a taken address answers as for any address: the owner is told, nothing changes. */
    @Test
    void anAddressChangeToATakenAddressDoesNotTellThatItIsTaken() throws Exception {
        ParticipeUser owner = data.confirmedAccount("taken-owner", Roles.RESIDENT);
        ParticipeUser mover = data.confirmedAccount("taken-mover", Roles.RESIDENT);
        as(mover, () -> accounts.requestEmailChange(owner.email().toUpperCase(Locale.ROOT), TestData.PASSWORD));

        MimeMessage notice = Mails.awaitLatest(owner.email(), "changement d’adresse vers la vôtre");
        String body = GreenMailUtil.getBody(notice).replace("=\r\n", "").replace("=3D", "=");
        assertThat(body).contains("forgot-password").doesNotContain(mover.email());
        assertThat(ANY_TOKEN.matcher(body).find()).as("no link that could move an account").isFalse();
        assertThat(Mails.count(owner.email())).as("one notice, no confirmation link").isEqualTo(1);
        assertThat(jdbc.queryForObject("select email from account where id = ?", String.class, mover.accountId())).isEqualTo(mover.email());
    }

    @Test
    void thePersonIsToldWhenThePasswordChangesOrIsResetInTheirLanguage() throws Exception {
        ParticipeUser person = data.confirmedAccount("changed-notice", Roles.RESIDENT);
        as(person, () -> accounts.changePassword(TestData.PASSWORD, "Un tout nouveau mot de passe pour 2027", "here"));
        MimeMessage changed = Mails.awaitLatest(person.email(), "Votre mot de passe a été changé");
        assertThat(ANY_TOKEN.matcher(GreenMailUtil.getBody(changed)).find()).isFalse();

        ParticipeUser english = data.confirmedAccount("reset-notice", Roles.RESIDENT);
        jdbc.update("update account set locale = 'en' where id = ?", english.accountId());
        anonymously(() -> accounts.requestPasswordReset(english.email(), "192.0.2.45"));
        String token = Mails.token(Mails.awaitLatest(english.email(), "password"));
        anonymously(() -> accounts.resetPassword(token, "Un tout nouveau mot de passe pour 2027"));
        MimeMessage reset = Mails.awaitLatest(english.email(), "Your password was changed");
        String body = GreenMailUtil.getBody(reset).replace("=\r\n", "").replace("=3D", "=");
        assertThat(body).contains("forgot-password");
        assertThat(ANY_TOKEN.matcher(body).find()).isFalse();
    }
}
