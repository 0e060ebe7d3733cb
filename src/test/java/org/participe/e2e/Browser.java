package org.participe.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

/**
 * Real Chromium driven by Playwright: the machine's own Chromium when there is one (no browser
 * download is possible everywhere), otherwise Playwright's.
 */
final class Browser implements AutoCloseable {

    private static final List<String> SYSTEM_CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    /**
     * How long an assertion waits for its condition: Playwright's 5 s are too short for a Vaadin page's
     * first drawing on a busy 2-core machine (CI failed on pages that came after 6-10 s); a condition
     * that holds ends the wait at once, so passing tests do not get slower.
     */
    static final double ASSERTION_TIMEOUT_MS = 20_000;

    Browser() {
        PlaywrightAssertions.setDefaultAssertionTimeout(ASSERTION_TIMEOUT_MS);
        String configured = System.getenv("CHROMIUM_PATH");
        Path executable = configured != null ? Path.of(configured)
                : SYSTEM_CHROMIUM.stream().map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
        Playwright.CreateOptions createOptions = new Playwright.CreateOptions();
        if (executable != null) {
            createOptions.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"));
        }
        playwright = Playwright.create(createOptions);
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"));
        if (executable != null) {
            options.setExecutablePath(executable);
        }
        browser = playwright.chromium().launch(options);
    }

    BrowserContext context(int width, int height) {
        return browser.newContext(new NewContextOptions().setViewportSize(width, height).setLocale("fr-FR"));
    }

    /** Signs in through the login page, as a person would. */
    static void logIn(Page page, String loginUrl, String email, String password) {
        page.navigate(loginUrl);
        page.locator("vaadin-login-form input[name=username]").fill(email);
        page.locator("vaadin-login-form input[name=password]").fill(password);
        page.locator("vaadin-login-form vaadin-button").first().click();
        page.waitForLoadState();
    }

    /**
     * Waits until the open page has made its own first round trips (on a phone the layout tells the
     * server that its menu is an overlay, once its component is loaded), so that the next one is the
     * click's: Vaadin's client idle and its app layout upgraded, over a few frames in a row.
     */
    static void waitForQuietPage(Page page) {
        page.evaluate("""
                async () => {
                  for (let quiet = 0; quiet < 5; ) {
                    await new Promise(requestAnimationFrame);
                    const Layout = customElements.get('vaadin-app-layout');
                    const clients = Object.values(window.Vaadin?.Flow?.clients ?? {}).filter(client => client.isActive);
                    const idle = clients.length > 0 && clients.every(client => !client.isActive());
                    quiet = Layout && document.querySelector('vaadin-app-layout') instanceof Layout && idle ? quiet + 1 : 0;
                  }
                }""");
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
