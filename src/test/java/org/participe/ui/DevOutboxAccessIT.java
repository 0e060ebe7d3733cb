package org.participe.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.RouteConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.participe.accounts.AccountService;
import org.participe.base.TownZone;
import org.participe.base.mail.DevOutbox;
import org.participe.base.ui.AccessDeniedView;
import org.participe.base.ui.MainLayout;
import org.participe.demo.ui.DevOutboxView;
import org.participe.home.ui.HomeView;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.security.ui.LoginView;
import org.participe.test.Security;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/**
 * The demo's outbox holds password-reset links: only administrators read it (the page, its menu
 * entry and the service), and the log, which anyone with access to the server reads, never gets a link.
 * Runs without SMTP, as the demo does. Its times are shown in the town's time zone.
 */
@SpringBootTest(properties = "spring.mail.host=")
@ExtendWith(OutputCaptureExtension.class)
class DevOutboxAccessIT extends ViewTest {

    private static final Pattern RESET_LINK = Pattern.compile("reset-password\\?token=([A-Za-z0-9_-]+)");

    @Autowired
    DevOutbox outbox;

    @Autowired
    AccountService accounts;

    @BeforeEach
    void outboxRoute() {
        // What DemoRoutes does in demo mode (demo mode itself would seed the demo town into the shared test database).
        RouteConfiguration.forApplicationScope().setRoute(DevOutboxView.PATH, DevOutboxView.class, MainLayout.class);
    }

    @AfterEach
    void noOutboxRoute() {
        RouteConfiguration.forApplicationScope().removeRoute(DevOutboxView.PATH);
    }

    @Test
    void aVisitorIsSentToTheLoginPage() {
        navigate(DevOutboxView.PATH, LoginView.class);
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
        assertThatThrownBy(() -> Security.anonymously(() -> outbox.latest())).isInstanceOfAny(AccessDeniedException.class,
                AuthenticationException.class);
    }

    @Test
    void aResidentIsRefusedAndDoesNotSeeItInTheMenu() {
        ParticipeUser resident = signIn("outbox-resident", Roles.RESIDENT);
        navigate(HomeView.class);
        assertThat(menuLabels()).doesNotContain(outboxLabel());
        navigate(DevOutboxView.PATH, AccessDeniedView.class);
        assertThat(getCurrentView()).isInstanceOf(AccessDeniedView.class);
        assertThatThrownBy(() -> Security.as(resident, () -> outbox.latest())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anAdministratorReadsTheResetLinkThatTheLogNeverShows(CapturedOutput output) {
        ParticipeUser someone = data.confirmedAccount("outbox-reset", Roles.RESIDENT);
        Security.anonymously(() -> accounts.requestPasswordReset(someone.email(), "192.0.2.41"));

        ParticipeUser admin = signIn("outbox-admin", Roles.ADMIN);
        String token = await().atMost(Duration.ofSeconds(20)).until(() -> resetToken(admin, someone.email()), t -> t != null);

        navigate(HomeView.class);
        assertThat(menuLabels()).contains(outboxLabel());
        ZoneId montreal = ZoneId.of("America/Montreal"); // six hours from Paris: the time shown tells which zone
        TownZone.use(montreal);
        try {
            navigate(DevOutboxView.class);
        } finally {
            TownZone.use(TownZone.DEFAULT);
        }
        assertThat($(Pre.class).all()).anyMatch(body -> body.getText().contains(token));
        Instant sentAt = Security.as(admin, () -> outbox.latest()).stream().filter(entry -> entry.message().to().equals(someone.email()))
                .findFirst().orElseThrow().sentAt();
        String shown = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(UI.getCurrent().getLocale())
                .withZone(montreal).format(sentAt);
        assertThat($(Details.class).all()).anyMatch(mail -> mail.getSummaryText().startsWith(shown + " — " + someone.email()));

        assertThat(output.getAll()).contains("E-mail to " + someone.email()).contains("link to reset-password")
                .doesNotContain(token);
    }

    private String resetToken(ParticipeUser admin, String email) {
        return Security.as(admin, () -> outbox.latest()).stream()
                .filter(entry -> entry.message().to().equals(email))
                .map(entry -> RESET_LINK.matcher(entry.message().textBody()))
                .filter(Matcher::find)
                .map(link -> link.group(1))
                .findFirst().orElse(null);
    }

    private static String outboxLabel() {
        return UI.getCurrent().getTranslation("menu.dev-outbox");
    }

    private List<String> menuLabels() {
        return $(SideNav.class).single().getItems().stream().map(SideNavItem::getLabel).toList();
    }
}
