package org.participe.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.participe.accounts.AccountService;
import org.participe.test.MutableClock;
import org.participe.test.Security;
import org.participe.test.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Open sessions end when the person's rights change (roles removed or granted, blocked): their
 * next request goes to the login page, which says why; and no session outlives its absolute
 * lifetime, however active. Real HTTP sessions against the app on a random port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "participe.security.session-max-lifetime=1h")
@Import(MutableClock.Config.class)
class SessionEndIT {

    @LocalServerPort int port;
    @Autowired TestData data;
    @Autowired AccountService accounts;
    @Autowired MutableClock clock;
    ParticipeUser admin;

    @BeforeEach
    void setUp() {
        data.ensureTown();
        admin = data.confirmedAccount("session-admin", Roles.ADMIN);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anOfficialWhoseRoleIsRemovedCanNoLongerOpenModeration() throws Exception {
        ParticipeUser official = data.confirmedAccount("session-official", Roles.RESIDENT, Roles.OFFICIAL);
        WebClient browser = new WebClient(port).signIn(official.email(), TestData.PASSWORD);
        WebClient otherDevice = new WebClient(port).signIn(official.email(), TestData.PASSWORD);
        assertThat(browser.get("/moderation").statusCode()).isEqualTo(200);

        Security.as(admin, () -> accounts.setRoles(official.accountId(), Set.of(Roles.RESIDENT)));

        assertSentToLogin(browser.get("/moderation"), "/login?ended");
        assertSentToLogin(otherDevice.get("/moderation"), "/login?ended");
        assertSentToLogin(browser.get("/moderation"), "/login");
    }

    @Test
    void aGrantedRoleEndsTheOpenSessionsToo() throws Exception {
        ParticipeUser resident = data.confirmedAccount("session-promoted", Roles.RESIDENT);
        WebClient browser = new WebClient(port).signIn(resident.email(), TestData.PASSWORD);
        assertThat(browser.get("/profile").statusCode()).isEqualTo(200);

        Security.as(admin, () -> accounts.setRoles(resident.accountId(), Set.of(Roles.RESIDENT, Roles.OFFICIAL)));

        assertSentToLogin(browser.get("/profile"), "/login?ended");
        browser.signIn(resident.email(), TestData.PASSWORD);
        assertThat(browser.get("/moderation").statusCode()).as("the new role works after signing in again").isEqualTo(200);
    }

    @Test
    void aBlockedResidentsSessionsEnd() throws Exception {
        ParticipeUser resident = data.confirmedAccount("session-blocked", Roles.RESIDENT);
        ParticipeUser official = data.confirmedAccount("session-moderator", Roles.RESIDENT, Roles.OFFICIAL);
        WebClient browser = new WebClient(port).signIn(resident.email(), TestData.PASSWORD);
        assertThat(browser.get("/profile").statusCode()).isEqualTo(200);

        Security.as(official, () -> accounts.block(resident.accountId(), "Des insultes répétées dans les commentaires."));

        assertSentToLogin(browser.get("/profile"), "/login?ended");
    }

    @Test
    void aSessionEndsAtItsAbsoluteLifetimeEvenWhenActive() throws Exception {
        ParticipeUser resident = data.confirmedAccount("session-long", Roles.RESIDENT);
        WebClient browser = new WebClient(port).signIn(resident.email(), TestData.PASSWORD);
        assertThat(browser.get("/profile").statusCode()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(59));
        assertThat(browser.get("/profile").statusCode()).as("active, within the hour").isEqualTo(200);
        clock.advance(Duration.ofMinutes(2));

        assertSentToLogin(browser.get("/profile"), "/login?expired");
        assertSentToLogin(browser.get("/profile"), "/login");
        browser.signIn(resident.email(), TestData.PASSWORD);
        assertThat(browser.get("/profile").statusCode()).as("a new sign-in starts a new lifetime").isEqualTo(200);
    }

    private static void assertSentToLogin(HttpResponse<String> response, String target) {
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(WebClient.location(response)).endsWith(target);
    }
}
