package org.participe.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A refused sign-in in real Chromium, at phone and desktop widths: the address typed is still in
 * its field (never in the URL), the password is not, and the message is the same whether the
 * address has no account or its account is locked.
 */
class SignInRefusalJourneyIT extends BrowserTest {

    private static final String REFUSAL = "L’adresse e-mail ou le mot de passe est incorrect, ou trop d’essais ont été faits.";

    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void town() {
        data.ensureTown();
    }

    @Test
    void aRefusedSignInKeepsTheAddressTypedAndSaysTheSameWhateverTheReason() {
        ParticipeUser locked = data.confirmedAccount("locked-journey", Roles.RESIDENT);
        jdbc.update("update account set locked_until = now() + interval '10 minutes' where id = ?", locked.accountId());
        for (int width : new int[]{1280, 360}) {
            try (BrowserContext context = browser.context(width, 800)) {
                Page page = context.newPage();
                String unknown = TestData.uniqueEmail("nobody-journey");
                String unknownMessage = refusedSignIn(page, unknown, "un mot de passe quelconque", width, "unknown");
                String lockedMessage = refusedSignIn(page, locked.email(), TestData.PASSWORD, width, "locked");
                assertThat(lockedMessage).as("a locked account is refused in the same words as an unknown address").isEqualTo(unknownMessage);
            }
        }
    }

    /** Signs in, expects the refusal; returns the message shown. */
    private String refusedSignIn(Page page, String email, String password, int width, String what) {
        Browser.logIn(page, url("login"), email, password);
        assertThat(page).hasURL(Pattern.compile(".*/login\\?error$"));
        assertThat(page.url()).doesNotContain(email.substring(0, email.indexOf('@')));
        Locator username = page.locator("vaadin-login-form input[name=username]");
        assertThat(username).hasValue(email);
        assertThat(page.locator("vaadin-login-form input[name=password]")).hasValue("");
        assertThat(page.locator("vaadin-login-form input[name=password]")).isFocused();
        Locator message = page.getByText(REFUSAL);
        assertThat(message).isVisible();
        assertThat(page.getByText("bloqué")).hasCount(0);
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target", "screenshots", "login-refused-" + what + "-" + width + ".png")));
        return page.locator("vaadin-login-form").innerText();
    }
}
