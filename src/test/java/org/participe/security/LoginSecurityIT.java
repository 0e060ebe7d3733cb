package org.participe.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.util.List;

import com.vaadin.flow.server.auth.AnnotatedViewAccessChecker;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import jakarta.servlet.Filter;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.participe.test.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The real filter chain: form login, throttling, session renewal, headers, what is public. */
@SpringBootTest
class LoginSecurityIT {

    @Autowired WebApplicationContext context;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        data.ensureTown();
        // The application's own filter chain, as a browser meets it.
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .addFilters(context.getBean("springSecurityFilterChain", Filter.class)).build();
    }

    private MvcResult login(String email, String password, MockHttpSession session) throws Exception {
        return mvc.perform(post("/login").session(session).param("username", email).param("password", password).with(csrf()))
                .andReturn();
    }

    @Test
    void aSuccessfulLoginRenewsTheSessionId() throws Exception {
        ParticipeUser person = data.confirmedAccount("renew", Roles.RESIDENT);
        MockHttpSession session = new MockHttpSession();
        String before = session.getId();

        MvcResult result = login(person.email(), TestData.PASSWORD, session);

        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("error");
        assertThat(result.getRequest().getSession().getId()).isNotEqualTo(before);
        assertThat(outcomes(person.accountId())).containsExactly("SUCCESS");
    }

    @Test
    void aWrongPasswordComesBackToTheLoginPageWithAnError() throws Exception {
        ParticipeUser person = data.confirmedAccount("wrong", Roles.RESIDENT);
        MvcResult result = login(person.email(), "not the password at all", new MockHttpSession());
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(outcomes(person.accountId())).containsExactly("FAILURE");
    }

    @Test
    void fiveFailuresFromOneAddressRefuseItForAWhileEvenTheRightPasswordWithoutLockingTheAccount() throws Exception {
        ParticipeUser person = data.confirmedAccount("locked", Roles.RESIDENT);
        for (int i = 0; i < 5; i++) {
            login(person.email(), "guess number " + i, new MockHttpSession());
        }
        MockHttpSession session = new MockHttpSession();
        MvcResult refused = login(person.email(), TestData.PASSWORD, session);

        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(refused.getRequest().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION)).isInstanceOf(LockedException.class);
        // One address is slowed down; the account is not locked (LoginLimitsIT: the owner still signs in from elsewhere).
        assertThat(outcomes(person.accountId())).containsExactly("FAILURE", "FAILURE", "FAILURE", "FAILURE", "FAILURE", "REFUSED");
        assertThat(jdbc.queryForObject("select locked_until from account where id = ?", Timestamp.class, person.accountId())).isNull();

        jdbc.update("update login_attempt set occurred_at = occurred_at - interval '16 minutes' where account_id = ?", person.accountId());
        assertThat(login(person.email(), TestData.PASSWORD, new MockHttpSession()).getResponse().getRedirectedUrl())
                .as("the address may try again after the window").doesNotContain("error");
    }

    @Test
    void failuresForUnknownAddressesAreRecordedToo() throws Exception {
        String unknown = TestData.uniqueEmail("ghost");
        login(unknown, "whatever password", new MockHttpSession());
        assertThat(jdbc.queryForObject("select count(*) from login_attempt where email = ? and outcome = 'FAILURE' and account_id is null",
                Integer.class, unknown)).isEqualTo(1);
    }

    @Test
    void responsesCarryTheSecurityHeaders() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
                .andExpect(header().string("Content-Security-Policy", Matchers.containsString("frame-ancestors 'none'")));
    }

    @Test
    void actuatorExposesOnlyHealthToThePublic() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/env")).andExpect(status().is3xxRedirection()).andExpect(header().string("Location", Matchers.endsWith("/login")));
        mvc.perform(get("/actuator/beans")).andExpect(status().is3xxRedirection());
    }

    private List<String> outcomes(long accountId) {
        return jdbc.queryForList("select outcome from login_attempt where account_id = ? order by id", String.class, accountId);
    }

    @Test
    void viewsAreGuardedByTheAccessControlThatReadsRolesWithoutALookupPerNavigation() {
        var control = context.getBean(NavigationAccessControl.class);
        assertThat(control).isInstanceOf(RolesFromAuthentication.class);
        assertThat(control.isEnabled()).isTrue();
        assertThat(control.hasAccessChecker(AnnotatedViewAccessChecker.class)).isTrue();
    }
}
