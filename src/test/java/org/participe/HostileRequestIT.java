package org.participe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.participe.test.HostileInputs;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue "input abuse", at the HTTP level: bodies and addresses far larger than any form sends get
 * a 4xx (or the connection closed after the answer), never a 500 and never a stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileRequestIT {

    private static final String TEN_MEGABYTES = "a".repeat(HostileInputs.TEN_MEGABYTES);

    @LocalServerPort int port;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void hugeBodiesAndAddressesAreRefusedWithoutAnErrorPageOrAStackTrace() throws InterruptedException {
        List<String> answers = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        check("POST /login, 10 MB form", post("/login", "application/x-www-form-urlencoded",
                "username=" + TEN_MEGABYTES + "&password=x"), answers, failures);
        check("POST /mail/unsubscribe (no CSRF token needed), 10 MB form", post("/mail/unsubscribe", "application/x-www-form-urlencoded",
                "t=" + TEN_MEGABYTES), answers, failures);
        check("POST /mail/unsubscribe, 1.5 MB token with NUL and markup", post("/mail/unsubscribe", "application/x-www-form-urlencoded",
                "t=" + URLEncoder.encode("x".repeat(1_500_000) + "\u0000<script>alert(1)</script>.sig", StandardCharsets.UTF_8)), answers, failures);
        check("POST Vaadin UIDL, 10 MB JSON", post("/?v-r=uidl&v-uiId=0", "application/json; charset=UTF-8",
                "{\"csrfToken\":\"" + TEN_MEGABYTES + "\",\"rpc\":[]}"), answers, failures);
        check("POST Vaadin UIDL, 1 MB JSON (read to the end)", post("/?v-r=uidl&v-uiId=0", "application/json; charset=UTF-8",
                "{\"csrfToken\":\"" + "a".repeat(1024 * 1024) + "\",\"rpc\":[]}"), answers, failures);
        check("GET /ideas with a 100 kB search", request(HttpRequest.newBuilder(uri("/ideas?q=" + "a".repeat(100_000))).GET()),
                answers, failures);
        check("GET /ideas with NUL and markup in the search", request(HttpRequest.newBuilder(
                uri("/ideas?q=" + URLEncoder.encode("\u0000<script>alert(1)</script>'; drop table idea; --", StandardCharsets.UTF_8))).GET()),
                answers, failures);
        answers.forEach(answer -> System.out.println("HostileRequestIT: " + answer));
        assertThat(failures).isEmpty();

        Answer hundredKilobytes = post("/login", "application/x-www-form-urlencoded", "username=" + "a".repeat(100_000) + "&password=x");
        assertThat(hundredKilobytes.status()).as("form posts are capped at 64 KB (server.tomcat.max-http-form-post-size)").isEqualTo(413);
    }

    private void check(String what, Answer answer, List<String> answers, List<String> failures) {
        answers.add(what + " -> " + answer.describe());
        if (answer.status() >= 500) {
            failures.add(what + ": status " + answer.status());
        }
        if (answer.body() != null && (answer.body().contains("Exception") || answer.body().contains("\tat ")
                || answer.body().matches("(?s).*\\bat (org|java|com)\\.[\\w.$]+\\(.*"))) {
            failures.add(what + ": the answer shows a stack trace: " + answer.body().substring(0, Math.min(500, answer.body().length())));
        }
    }

    private record Answer(int status, String body, String closedBecause) {
        String describe() {
            return closedBecause != null ? "connection closed by the server (" + closedBecause + ")"
                    : status + " (" + body.length() + " characters: " + body.substring(0, Math.min(160, body.length())).replaceAll("\\s+", " ") + ")";
        }
    }

    private Answer post(String path, String contentType, String body) throws InterruptedException {
        return request(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Answer request(HttpRequest.Builder request) throws InterruptedException {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), null);
        } catch (IOException closed) {
            // a server may answer and close the connection before reading a body it will not use
            return new Answer(0, null, closed.getClass().getSimpleName() + ": " + closed.getMessage());
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
