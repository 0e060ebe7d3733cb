package org.participe.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.participe.test.Security.anonymously;

import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.participe.Application;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.Mails;
import org.participe.test.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * PARTICIPE_INITIAL_ADMIN_EMAIL at a start without administrator: the address gets an
 * administrator account and a link to choose its password, once. The test database is shared with
 * other tests, which create administrators: the town is made administrator-less for the test (and
 * given its administrators back after), and the start is replayed by publishing the event the
 * application reacts to.
 */
@SpringBootTest(properties = "participe.initial-admin.email=" + InitialAdministratorIT.EMAIL)
@RecordApplicationEvents
@ExtendWith(OutputCaptureExtension.class)
class InitialAdministratorIT {

    static final String EMAIL = "first-admin@participe.test";

    @Autowired ConfigurableApplicationContext context;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired UserDetailsService users;
    @Autowired PasswordEncoder passwordEncoder;
    @Autowired TestData data;
    @Autowired ApplicationEvents events;
    private List<Long> formerAdministrators;

    @BeforeEach
    void aTownWithoutAdministrator() {
        data.ensureTown();
        // Invited when this context started, should this test class have been the first to run.
        jdbc.update("delete from account where email = ?", EMAIL);
        formerAdministrators = jdbc.queryForList("select account_id from account_role where role = 'ADMIN'", Long.class);
        jdbc.update("delete from account_role where role = 'ADMIN'");
    }

    @AfterEach
    void giveTheAdministratorsBack() {
        formerAdministrators.forEach(id -> jdbc.update("insert into account_role (account_id, role) values (?, 'ADMIN') on conflict do nothing", id));
    }

    @Test
    void theFirstStartInvitesTheAddressOnceAndItsLinkMakesAnAdministrator(CapturedOutput output) throws Exception {
        int mailsBefore = Mails.count(EMAIL);
        int auditLinesBefore = auditLines(output);
        start();

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Mails.count(EMAIL) > mailsBefore);
        MimeMessage invitation = Mails.latest(EMAIL, "administrat");
        String token = Mails.token(invitation);
        Long account = jdbc.queryForObject("select id from account where email = ?", Long.class, EMAIL);
        assertThat(jdbc.queryForList("select role from account_role where account_id = ?", String.class, account)).containsExactly(Roles.ADMIN);
        String unusable = jdbc.queryForObject("select password_hash from account where id = ?", String.class, account);
        assertThat(passwordEncoder.matches("", unusable) || passwordEncoder.matches(TestData.PASSWORD, unusable)).isFalse();
        assertThat(jdbc.queryForObject("select expires_at - created_at >= interval '7 days' from account_token where account_id = ? and purpose = 'RESET_PASSWORD'",
                Boolean.class, account)).as("valid 7 days").isTrue();
        assertThat(auditLines(output)).isEqualTo(auditLinesBefore + 1);
        assertThat(output.getOut()).doesNotContain(token);

        start();
        assertThat(events.stream(AccountEvents.AdministratorInvited.class)).as("a restart invites nobody again").hasSize(1);
        assertThat(auditLines(output)).isEqualTo(auditLinesBefore + 1);

        anonymously(() -> accounts.resetPassword(token, "Un tout nouveau mot de passe pour 2027"));
        ParticipeUser admin = (ParticipeUser) users.loadUserByUsername(EMAIL);
        assertThat(admin.confirmed()).isTrue();
        assertThat(admin.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_" + Roles.ADMIN);
        assertThat(passwordEncoder.matches("Un tout nouveau mot de passe pour 2027", admin.getPassword())).isTrue();
    }

    private static int auditLines(CapturedOutput output) {
        return output.getOut().split("Audit: first administrator invited", -1).length - 1;
    }

    /** What the application does when it has started. */
    private void start() {
        context.publishEvent(new ApplicationReadyEvent(new SpringApplication(Application.class), new String[0], context, Duration.ZERO));
    }
}
