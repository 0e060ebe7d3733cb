package org.participe.benchmark;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser tab as far as the server can tell: its own session (cookies), then a page opened
 * the way Vaadin's client does (the initial request, then the navigation drawn by a UIDL request).
 * The page stays open (its UI lives on the server) until {@link #close()}.
 */
final class PageClient implements AutoCloseable {

    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");
    private static final Pattern CSRF = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final String base;
    private String uiId;
    private String csrf;

    PageClient(String base) {
        this.base = base;
    }

    /** Opens the location (e.g. "ideas", "ideas?sort=SUPPORTED" or "ideas/12") and returns the size of what the server sent to draw it. */
    int open(String location) throws IOException, InterruptedException {
        String route = location.contains("?") ? location.substring(0, location.indexOf('?')) : location;
        String query = location.contains("?") ? location.substring(location.indexOf('?') + 1) : "";
        String init = send(HttpRequest.newBuilder(URI.create(base + "/?v-r=init&location=" + route + "&query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8))).GET().build());
        uiId = find(UI_ID, init);
        csrf = find(CSRF, init);
        String drawn = uidl("""
                {"type":"event","node":1,"event":"ui-navigate","data":{"route":"%s","query":"%s","appShellTitle":"","historyState":{"idx":0},"trigger":""}}"""
                .formatted(route, query), 0);
        if (!drawn.contains("\"syncId\"") || drawn.contains("appError")) {
            throw new IllegalStateException("The page " + route + " was not drawn: " + drawn.substring(0, Math.min(300, drawn.length())));
        }
        return init.length() + drawn.length();
    }

    private String uidl(String rpc, int syncId) throws IOException, InterruptedException {
        String body = "{\"csrfToken\":\"" + csrf + "\",\"rpc\":[" + rpc + "],\"syncId\":" + syncId + ",\"clientId\":" + syncId + "}";
        return send(HttpRequest.newBuilder(URI.create(base + "/?v-r=uidl&v-uiId=" + uiId))
                .header("Content-Type", "application/json; charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private String send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("Not a Vaadin initial answer: " + text.substring(0, Math.min(300, text.length())));
        }
        return matcher.group(1);
    }

    /** Closes the page as the browser does when leaving it: the server releases its UI. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (uiId != null) {
            send(HttpRequest.newBuilder(URI.create(base + "/?v-r=uidl&v-uiId=" + uiId))
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"csrfToken\":\"" + csrf + "\",\"rpc\":[],\"UNLOAD\":true}")).build());
            uiId = null;
        }
        http.close();
    }
}
