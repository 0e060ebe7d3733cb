package org.participe.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.participe.test.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Login CSRF: a form on another site must not sign the visitor into the attacker's account. A
 * cross-site {@code POST /login} gets 403, nothing is authenticated (the next page of a signed-in
 * person still sends to the login page) and no attempt is counted; the site's own form still works.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "participe.base-url=https://participe.example.org")
class LoginCsrfIT {

    @LocalServerPort int port;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    ParticipeUser attacker;
    WebClient victim;

    @BeforeEach
    void setUp() {
        data.ensureTown();
        attacker = data.confirmedAccount("csrf-attacker", Roles.RESIDENT);
        victim = new WebClient(port);
    }

    @Test
    void aSignInPostedFromAnotherSiteIsRefusedAndSignsNobodyIn() throws Exception {
        HttpResponse<String> response = victim.postLogin(attacker.email(), TestData.PASSWORD,
                "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site");

        assertThat(response.statusCode()).isEqualTo(403);
        assertNotSignedIn();
    }

    @Test
    void anOtherOriginIsRefusedEvenWithoutFetchMetadata() throws Exception {
        assertThat(victim.postLogin(attacker.email(), TestData.PASSWORD, "Origin", "https://evil.example").statusCode()).isEqualTo(403);
        assertThat(victim.postLogin(attacker.email(), TestData.PASSWORD, "Origin", "null").statusCode()).as("an opaque origin").isEqualTo(403);
        assertThat(victim.postLogin(attacker.email(), TestData.PASSWORD, "Origin", "https://participe.example.org.evil.example").statusCode())
                .isEqualTo(403);
        assertNotSignedIn();
    }

    @Test
    void aCrossSitePostWithoutOriginIsRefusedByItsFetchMetadata() throws Exception {
        assertThat(victim.postLogin(attacker.email(), TestData.PASSWORD, "Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(403);
        assertThat(victim.postLogin(attacker.email(), TestData.PASSWORD, "Sec-Fetch-Site", "same-site").statusCode())
                .as("a sibling subdomain is another site's page too").isEqualTo(403);
        assertNotSignedIn();
    }

    @Test
    void theSitesOwnFormSignsIn() throws Exception {
        HttpResponse<String> response = victim.postLogin(attacker.email(), TestData.PASSWORD,
                "Origin", victim.origin(), "Sec-Fetch-Site", "same-origin");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(WebClient.location(response)).doesNotContain("error");
        assertThat(victim.get("/profile").statusCode()).as("a signed-in page opens").isEqualTo(200);
    }

    @Test
    void theConfiguredPublicAddressIsTheSiteToo() throws Exception {
        // Behind a proxy that does not pass the public host on, the configured base URL is the page's origin.
        HttpResponse<String> response = victim.postLogin(attacker.email(), TestData.PASSWORD, "Origin", "https://participe.example.org");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(victim.get("/profile").statusCode()).isEqualTo(200);
    }

    private void assertNotSignedIn() throws Exception {
        HttpResponse<String> page = victim.get("/profile");
        assertThat(page.statusCode()).as("a @PermitAll page sends to the login page").isEqualTo(302);
        assertThat(WebClient.location(page)).endsWith("/login");
        assertThat(jdbc.queryForObject("select count(*) from login_attempt where account_id = ?", Integer.class, attacker.accountId()))
                .as("no attempt was even made").isZero();
    }
}
