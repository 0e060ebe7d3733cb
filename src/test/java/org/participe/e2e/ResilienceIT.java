package org.participe.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.participe.Application;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Faults survived for real, not mocked: the app runs on a PostgreSQL of its own, which the test
 * stops and starts again, and the app is stopped as SIGTERM stops it (its shutdown hook closes
 * the context) while a request is in flight.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResilienceIT {

    private static final String UNAVAILABLE = "Service momentanément indisponible";

    private static Path dataDirectory;
    private static int databasePort;
    private static EmbeddedPostgres database;
    private static ConfigurableApplicationContext app;
    private static String base;
    private static Browser browser;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void appOnItsOwnDatabase() throws IOException {
        dataDirectory = Files.createTempDirectory("participe-resilience-pg-");
        try (ServerSocket socket = new ServerSocket(0)) {
            databasePort = socket.getLocalPort();
        }
        database = startDatabase();
        app = new SpringApplicationBuilder(Application.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:postgresql://localhost:" + databasePort + "/postgres",
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--participe.demo.enabled=true",
                "--participe.test-infrastructure.enabled=false");
        base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port") + "/";
        browser = new Browser();
    }

    private static EmbeddedPostgres startDatabase() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(databasePort)
                .setServerConfig("timezone", "UTC").setLocaleConfig("encoding", "UTF8")
                .setPGStartupWait(Duration.ofSeconds(60)).start();
    }

    @AfterAll
    static void stopEverything() throws IOException {
        if (browser != null) {
            browser.close();
        }
        if (app != null) {
            app.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(1)
    void withoutPostgresPagesSaySoQuicklyReadinessIsDownAndServiceResumesWhenItIsBack() throws Exception {
        try (BrowserContext context = browser.context(360, 800)) {
            Page page = context.newPage();
            page.navigate(base + "ideas");
            page.getByText("Les idées des habitant·es").first().waitFor();
            assertThat(get("actuator/health/readiness").statusCode()).isEqualTo(200);

            database.close();

            long start = System.nanoTime();
            page.navigate(base + "ideas?sort=NEW");
            page.getByText(UNAVAILABLE).first().waitFor(new Locator.WaitForOptions().setTimeout(30_000));
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("ResilienceIT: without PostgreSQL, the ideas page said the service is unavailable after " + millis + " ms");
            assertThat(page.content()).doesNotContain("Exception", "at org.", "SQLState");
            assertThat(page.locator("h1").first().textContent()).isEqualTo(UNAVAILABLE);

            HttpResponse<String> readiness = get("actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("DOWN");
            assertThat(get("actuator/health/liveness").statusCode()).as("alive: nothing to restart").isEqualTo(200);

            database = startDatabase();

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> get("actuator/health/readiness").statusCode() == 200);
            page.navigate(base + "ideas");
            page.getByText("Les idées des habitant·es").first().waitFor();
            page.locator(".idea-card").first().waitFor();
            assertThat(page.getByText(UNAVAILABLE).count()).isZero();
        }
    }

    @Test
    @Order(2)
    void aRequestInFlightCompletesWhenTheAppIsAskedToStop() throws Exception {
        byte[] logo = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
        try (Connection lock = database.getPostgresDatabase().getConnection()) {
            try (var update = lock.prepareStatement("update town_settings set logo = ?, logo_content_type = 'image/png'")) {
                update.setBytes(1, logo);
                assertThat(update.executeUpdate()).as("the demo town's settings").isOne();
            }
            lock.setAutoCommit(false);
            lock.createStatement().execute("lock table town_settings in access exclusive mode");

            CompletableFuture<HttpResponse<byte[]>> inFlight = http.sendAsync(
                    HttpRequest.newBuilder(URI.create(base + "town/logo")).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingOnTheLock(lock));

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(app::close);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> refusesNewRequests());
            assertThat(inFlight).as("the request in flight is still being served").isNotDone();

            lock.rollback();

            HttpResponse<byte[]> answer = inFlight.get(30, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo(logo);
            stopping.get(60, TimeUnit.SECONDS);
            assertThat(app.isActive()).isFalse();
        }
        assertThatThrownBy(() -> get("actuator/health/liveness")).isInstanceOf(IOException.class);
    }

    private static boolean waitingOnTheLock(Connection lock) throws SQLException {
        try (var statement = database.getPostgresDatabase().getConnection();
             var query = statement.prepareStatement("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like '%town_settings%'");
             var result = query.executeQuery()) {
            result.next();
            return result.getInt(1) > 0;
        }
    }

    private static boolean refusesNewRequests() {
        try {
            get("actuator/health/liveness");
            return false;
        } catch (IOException refused) {
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
