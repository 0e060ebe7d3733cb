package org.participe.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;
import org.participe.ideas.IdeaDraft;
import org.participe.ideas.IdeaService;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.Security;
import org.participe.test.TestData;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The security headers reach every kind of response a browser gets: pages (the login page, a
 * list, an idea), Vaadin's round trips (UIDL) and other resources, and the charts still draw
 * under the content security policy. The production-mode run is {@link SecurityHeadersProductionModeIT}.
 */
class SecurityHeadersIT extends BrowserTest {

    @Autowired TestData data;
    @Autowired IdeaService ideas;
    @Autowired TownService town;

    /** The figures are computed before the charts draw: slow on a busy machine. */
    private static final LocatorAssertions.IsVisibleOptions DRAWN =
            new LocatorAssertions.IsVisibleOptions().setTimeout(30_000);

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void pagesAndOtherResponsesCarryTheHeaders() throws Exception {
        long idea = anIdea();
        for (String path : List.of("login", "", "ideas", "ideas/" + idea, "figures", "actuator/health")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertSecurityHeaders("/" + path, name -> response.headers().allValues(name));
        }
    }

    @Test
    void vaadinRoundTripsCarryTheHeadersAndChartsDrawUnderTheContentSecurityPolicy() {
        data.ensureTown();
        anIdea();
        ParticipeUser staff = data.confirmedAccount("headers-staff", Roles.STAFF);
        try (BrowserContext context = browser.context(1280, 900)) {
            Page page = context.newPage();
            List<String> problems = new CopyOnWriteArrayList<>();
            page.onConsoleMessage(message -> {
                if (message.text().contains("Content Security Policy") || message.text().contains("Content-Security-Policy")
                        || "error".equals(message.type())) {
                    problems.add(message.type() + ": " + message.text());
                }
            });
            page.onPageError(error -> problems.add("page error: " + error));
            List<Response> roundTrips = new CopyOnWriteArrayList<>();
            page.onResponse(response -> {
                if (response.url().contains("v-r=uidl")) {
                    roundTrips.add(response);
                }
            });

            Browser.logIn(page, url("login"), staff.email(), TestData.PASSWORD);
            page.navigate(url("reports"));
            assertThat(page.locator(".chart-canvas canvas").first()).isVisible(DRAWN);
            // A round trip: Vaadin's client asks the server for the next view.
            page.locator("vaadin-side-nav-item[path$='figures']").first().click();
            assertThat(page).hasURL(url("figures"));
            assertThat(page.locator(".chart-canvas canvas, .chart-canvas svg").first()).isVisible(DRAWN);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "figures-csp-1280.png")));
            page.navigate(url("figures"));
            assertThat(page.locator(".chart-canvas canvas, .chart-canvas svg").first()).isVisible(DRAWN);

            assertThat(roundTrips).as("Vaadin round trips seen").isNotEmpty();
            for (Response roundTrip : roundTrips) {
                Map<String, String> headers = roundTrip.allHeaders();
                assertSecurityHeaders(roundTrip.url(), name -> headers.containsKey(name.toLowerCase())
                        ? List.of(headers.get(name.toLowerCase())) : List.of());
            }
            assertThat(problems).as("console errors and CSP violations").isEmpty();
        }
    }

    static void assertSecurityHeaders(String what, Function<String, List<String>> header) {
        assertThat(header.apply("Content-Security-Policy")).as(what + " CSP").singleElement().asString()
                .contains("default-src 'self'").contains("frame-ancestors 'none'").contains("object-src 'none'");
        assertThat(header.apply("X-Content-Type-Options")).as(what).containsExactly("nosniff");
        assertThat(header.apply("X-Frame-Options")).as(what + " X-Frame-Options, as frame-ancestors 'none' says").containsExactly("DENY");
        assertThat(header.apply("Referrer-Policy")).as(what).containsExactly("strict-origin-when-cross-origin");
        assertThat(header.apply("Permissions-Policy")).as(what).singleElement().asString()
                .contains("camera=()").contains("microphone=()").contains("geolocation=()").contains("payment=()");
    }

    private long anIdea() {
        data.ensureTown();
        ParticipeUser resident = data.confirmedAccount("headers-resident", Roles.RESIDENT);
        long category = town.activeCategories().getFirst().id();
        return Security.as(resident, () -> ideas.propose(new IdeaDraft("Une idée pour vérifier les en-têtes",
                "Une description assez longue pour être acceptée.", category, null, null)));
    }
}
