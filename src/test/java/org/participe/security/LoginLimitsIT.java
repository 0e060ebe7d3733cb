package org.participe.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Timestamp;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.participe.test.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Sign-in limits per client address and overall, through the real filter chain, each request from
 * the client address the test chooses (addresses of documentation ranges, fresh for each test, so
 * that other tests' attempts in the shared database do not count).
 */
@SpringBootTest(properties = {
        "participe.accounts.login-max-failures=5",
        "participe.accounts.login-failures-per-address=10",
        "participe.accounts.login-failures-overall=60",
        "participe.accounts.login-lock-failures=12"})
class LoginLimitsIT {

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(ThreadLocalRandom.current().nextInt(0, 200) * 250);

    @Autowired WebApplicationContext context;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    @Value("${participe.accounts.login-failures-overall}") int overallLimit;
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        data.ensureTown();
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .addFilters(context.getBean("springSecurityFilterChain", Filter.class)).build();
    }

    @Test
    void anAddressThatGuessedTooMuchIsRefusedEvenTheRightPasswordWhileAnotherAddressSignsIn() throws Exception {
        ParticipeUser mayor = data.confirmedAccount("mayor", Roles.RESIDENT);
        String attacker = freshAddress();
        // The review's scenario: 25 unknown addresses, then 4 wrong passwords on one account, from one address.
        for (int i = 0; i < 25; i++) {
            signIn(TestData.uniqueEmail("nobody" + i), "a guess " + i, attacker);
        }
        for (int i = 0; i < 4; i++) {
            signIn(mayor.email(), "a wrong password " + i, attacker);
        }
        assertThat(failuresFrom(attacker)).as("passwords checked for that address").isEqualTo(10);

        assertThat(signIn(mayor.email(), TestData.PASSWORD, attacker).getRedirectedUrl()).as("the right password, from the attacker")
                .isEqualTo("/login?error");
        assertThat(outcomes(mayor.accountId())).as("refused without checking the password").last().isEqualTo("REFUSED");
        assertThat(signIn(mayor.email(), TestData.PASSWORD, freshAddress()).getRedirectedUrl()).as("the mayor, from elsewhere")
                .doesNotContain("error");
        assertThat(jdbc.queryForObject("select locked_until from account where id = ?", Timestamp.class, mayor.accountId())).isNull();
    }

    @Test
    void oneAttackerCannotLockSomeoneOutByTypingWrongPasswords() throws Exception {
        ParticipeUser mayor = data.confirmedAccount("not-locked-out", Roles.RESIDENT);
        String attacker = freshAddress();
        for (int i = 0; i < 8; i++) {
            signIn(mayor.email(), "a wrong password " + i, attacker);
        }
        assertThat(outcomes(mayor.accountId())).as("five guesses, then that address is slowed down for this account")
                .containsExactly("FAILURE", "FAILURE", "FAILURE", "FAILURE", "FAILURE", "REFUSED", "REFUSED", "REFUSED");
        assertThat(signIn(mayor.email(), TestData.PASSWORD, freshAddress()).getRedirectedUrl()).doesNotContain("error");
    }

    @Test
    void guessingFromManyAddressesLocksTheAccountOnlyAgainstAddressesThatNeverSignedIntoIt() throws Exception {
        ParticipeUser mayor = data.confirmedAccount("distributed", Roles.RESIDENT);
        String townHall = freshAddress();
        assertThat(signIn(mayor.email(), TestData.PASSWORD, townHall).getRedirectedUrl()).doesNotContain("error");
        for (int attacker = 0; attacker < 3; attacker++) {
            String address = freshAddress();
            for (int i = 0; i < 4; i++) {
                signIn(mayor.email(), "a guess " + attacker + "-" + i, address);
            }
        }
        assertThat(outcomes(mayor.accountId())).contains("LOCKED");

        assertThat(signIn(mayor.email(), TestData.PASSWORD, freshAddress()).getRedirectedUrl()).as("the right password from a new address")
                .isEqualTo("/login?error");
        assertThat(signIn(mayor.email(), TestData.PASSWORD, townHall).getRedirectedUrl()).as("the owner, from where they signed in before")
                .doesNotContain("error");
    }

    @Test
    void everyRefusalLooksTheSame() throws Exception {
        ParticipeUser locked = data.confirmedAccount("locked-same", Roles.RESIDENT);
        jdbc.update("update account set locked_until = now() + interval '10 minutes' where id = ?", locked.accountId());
        ParticipeUser guessed = data.confirmedAccount("wrong-same", Roles.RESIDENT);

        List<MockHttpServletResponse> refusals = List.of(
                signIn(TestData.uniqueEmail("unknown-same"), TestData.PASSWORD, freshAddress()),
                signIn(locked.email(), TestData.PASSWORD, freshAddress()),
                signIn(guessed.email(), "not the password", freshAddress()));
        assertThat(refusals).allSatisfy(refusal -> {
            assertThat(refusal.getStatus()).isEqualTo(302);
            assertThat(refusal.getRedirectedUrl()).isEqualTo("/login?error");
            assertThat(refusal.getContentAsString()).isEmpty();
            assertThat(refusal.getHeaderNames()).containsExactlyInAnyOrderElementsOf(refusals.getFirst().getHeaderNames());
        });
    }

    @Test
    void sprayingFromManyAddressesReachesTheOverallLimitAndOnlyKnownAddressesStillSignIn() throws Exception {
        ParticipeUser regular = data.confirmedAccount("regular", Roles.RESIDENT);
        String home = freshAddress();
        assertThat(signIn(regular.email(), TestData.PASSWORD, home).getRedirectedUrl()).doesNotContain("error");
        ParticipeUser newcomer = data.confirmedAccount("never-sprayed", Roles.RESIDENT);

        try {
            // One common password tried on many addresses (none of them twice, so no account lock plays
            // a part), each from an address of its own. Other tests' failures of the last minutes count
            // too: spray until the overall limit.
            int sprayed = 0;
            while (failuresInWindow() < overallLimit) {
                signIn(TestData.uniqueEmail("sprayed" + sprayed), "Summer2026!", freshAddress());
                sprayed++;
            }
            String newAddress = freshAddress();
            assertThat(signIn(newcomer.email(), TestData.PASSWORD, newAddress).getRedirectedUrl())
                    .as("the right password from an address never seen, during the spraying").isEqualTo("/login?error");
            assertThat(outcomes(newcomer.accountId())).as("refused without checking the password").containsExactly("REFUSED");
            assertThat(signIn(regular.email(), TestData.PASSWORD, home).getRedirectedUrl()).as("someone from an address that signed in before")
                    .doesNotContain("error");
        } finally {
            // The spraying is over: the other tests of this class start below the overall limit.
            jdbc.update("update login_attempt set occurred_at = occurred_at - interval '1 hour' where occurred_at > now() - interval '15 minutes'");
        }
    }

    // Helpers -----------------------------------------------------------------------------------

    private MockHttpServletResponse signIn(String email, String password, String clientAddress) throws Exception {
        return mvc.perform(post("/login").session(new MockHttpSession()).param("username", email).param("password", password)
                .with(csrf()).with(request -> {
                    request.setRemoteAddr(clientAddress);
                    return request;
                })).andReturn().getResponse();
    }

    /** An address of the 198.18.0.0/15 benchmarking range not used before in this run. */
    private static String freshAddress() {
        int n = NEXT_ADDRESS.getAndIncrement();
        return "198." + (18 + n / 65536 % 2) + "." + (n / 256 % 256) + "." + (n % 256);
    }

    private int failuresFrom(String address) {
        return jdbc.queryForObject("select count(*) from login_attempt where client_ip = ? and outcome = 'FAILURE'", Integer.class, address);
    }

    private int failuresInWindow() {
        return jdbc.queryForObject("select count(*) from login_attempt where outcome in ('FAILURE', 'PENDING') and occurred_at > now() - interval '15 minutes'",
                Integer.class);
    }

    private List<String> outcomes(long accountId) {
        return jdbc.queryForList("select outcome from login_attempt where account_id = ? order by id", String.class, accountId);
    }
}
