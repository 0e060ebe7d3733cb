package org.participe.benchmark.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * What a browser says to a Vaadin Flow 25 application, as Gatling requests: the initial request of
 * a page ({@code ?v-r=init}, which gives the UI's id and its CSRF token), then UIDL requests
 * carrying that token, the last {@code syncId} the server sent and the client's own message count
 * ({@code clientId}), each answered with the changes to apply. Components are reached by their
 * {@code id} attribute, whose state node the server announces in its changes. A response that is
 * not a UIDL answer (session expired, server error) fails the request.
 */
final class VaadinProtocol {

    private VaadinProtocol() {
    }

    /** Opens a page as a new tab does: a new UI for {@code route} (and its query string), drawn. */
    static ChainBuilder open(String name, String route, String query, CheckBuilder... checks) {
        return exec(http(name + " · init").get("/?v-r=init&location=" + route + "&query=" + query)
                .check(status().is(200), jsonPath("$.appConfig['v-uiId']").ofInt().saveAs("uiId"),
                        jsonPath("$.appConfig.uidl['Vaadin-Security-Key']").saveAs("csrf")))
                .exec(session -> session.set("syncId", 0).set("clientId", 0))
                .exec(uidl(name, navigation(route, query, "")).check(checks));
    }

    /** Follows a link inside the page (the router's client-side navigation): the same UI draws another view. */
    static HttpRequestActionBuilder navigate(String name, String route, String query) {
        return uidl(name, navigation(route, query, "client"));
    }

    /** Clicks the component whose node is saved in the session under {@code nodeKey}. */
    static HttpRequestActionBuilder click(String name, String nodeKey) {
        return uidl(name, """
                {"type":"event","node":#{%s},"event":"click","data":{"event.button":0,"event.detail":1}}""".formatted(nodeKey));
    }

    /** Types into a text field or area (value sent as the browser sends it when each key is typed). */
    static HttpRequestActionBuilder type(String name, String nodeKey, String text) {
        return uidl(name, """
                {"type":"mSync","node":#{%1$s},"feature":1,"property":"value","value":"%2$s"},\
                {"type":"event","node":#{%1$s},"event":"input","data":{}}""".formatted(nodeKey, text));
    }

    /** Tells the server the page is closed, as the browser does on leaving it: its UI is released at once. */
    static HttpRequestActionBuilder close(String name) {
        return http(name).post("/?v-r=uidl&v-uiId=#{uiId}").header("Content-Type", "application/json; charset=UTF-8")
                .body(StringBody("{\"csrfToken\":\"#{csrf}\",\"rpc\":[],\"UNLOAD\":true}")).check(status().is(200));
    }

    /** Saves the state node of the component with this {@code id} attribute, from the last answer. */
    static CheckBuilder.Final node(String id, String key) {
        return nodeFinder(id).saveAs(key);
    }

    /** Like {@link #node}, for a component the page may not have (nothing saved then). */
    static CheckBuilder.Final nodeIfAny(String id, String key) {
        return nodeFinder(id).optional().saveAs(key);
    }

    private static CheckBuilder.CaptureGroupCheckBuilder nodeFinder(String id) {
        return regex("\\{\"node\":(\\d+),\"type\":\"put\",\"key\":\"id\",\"feat\":\\d+,\"value\":\"" + id + "\"\\}");
    }

    /**
     * Saves the route of one of the idea links the last answer drew, chosen at random: an
     * anchor's {@code href} property, or a link inside a card drawn as markup ({@code href=\"…}).
     */
    static CheckBuilder.Final someIdea(String key) {
        return regex("href[^/]{0,40}?(ideas/\\d+)").findRandom().saveAs(key);
    }

    /** Text the last answer must contain (a check that the page drew what it should). */
    static CheckBuilder.Final shows(String text) {
        return substring(text);
    }

    private static String navigation(String route, String query, String trigger) {
        return """
                {"type":"event","node":1,"event":"ui-navigate","data":{"route":"%s","query":"%s","appShellTitle":"","historyState":{"idx":0},"trigger":"%s"}}"""
                .formatted(route, query, trigger);
    }

    /** One UIDL round trip: the RPCs, then the server's syncId and the next clientId saved for the next one. */
    static HttpRequestActionBuilder uidl(String name, String rpc) {
        return http(name).post("/?v-r=uidl&v-uiId=#{uiId}").header("Content-Type", "application/json; charset=UTF-8")
                .body(StringBody("{\"csrfToken\":\"#{csrf}\",\"rpc\":[" + rpc + "],\"syncId\":#{syncId},\"clientId\":#{clientId}}"))
                .check(status().is(200), substring("appError").notExists(),
                        jsonPath("$.syncId").ofInt().saveAs("syncId"), jsonPath("$.clientId").ofInt().saveAs("clientId"));
    }
}
