package org.participe.benchmark.load;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static org.participe.benchmark.load.VaadinProtocol.click;
import static org.participe.benchmark.load.VaadinProtocol.close;
import static org.participe.benchmark.load.VaadinProtocol.navigate;
import static org.participe.benchmark.load.VaadinProtocol.node;
import static org.participe.benchmark.load.VaadinProtocol.nodeIfAny;
import static org.participe.benchmark.load.VaadinProtocol.open;
import static org.participe.benchmark.load.VaadinProtocol.someIdea;
import static org.participe.benchmark.load.VaadinProtocol.type;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CoreDsl;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpDsl;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import org.participe.benchmark.BenchData;

/**
 * Participe under load, through real journeys in Vaadin's protocol, against an application loaded
 * with a {@link BenchData} data set. Three kinds of people, each looping over its journey with
 * think time between steps:
 * <ul>
 *   <li>visitors (70 %): open the ideas list, load more, sort and search, open an idea;</li>
 *   <li>residents (25 %): sign in, open the list of ideas still open, open one, support it, comment on it;</li>
 *   <li>officials (5 %): sign in, open the moderation inbox, its flagged tab, and the follow-up page.</li>
 * </ul>
 * System properties: {@code load.baseUrl}, {@code load.sessions} (concurrent sessions),
 * {@code load.rampSeconds}, {@code load.holdSeconds}, {@code load.thinkMillis} (mean pause),
 * {@code load.residents}, {@code load.firstResident} and {@code load.officials} (which bench
 * accounts to sign in with), {@code load.strict} (see {@link #assertions()}).
 */
public class ParticipeSimulation extends Simulation {

    static final String BASE_URL = System.getProperty("load.baseUrl", "http://127.0.0.1:8080");
    static final int SESSIONS = Integer.getInteger("load.sessions", 100);
    static final int RAMP = Integer.getInteger("load.rampSeconds", 30);
    static final int HOLD = Integer.getInteger("load.holdSeconds", 120);
    static final int THINK = Integer.getInteger("load.thinkMillis", 3000);
    static final int FIRST_RESIDENT = Integer.getInteger("load.firstResident", 16);
    static final int RESIDENTS = Integer.getInteger("load.residents", 30_000);
    static final int OFFICIALS = Integer.getInteger("load.officials", 10);

    /** A pause around the mean think time (from half to one and a half of it). */
    private static ChainBuilder think() {
        return exec(CoreDsl.pause(Duration.ofMillis(THINK / 2), Duration.ofMillis(THINK * 3 / 2)));
    }

    private static Iterator<Map<String, Object>> accounts(String kind, int first, int count) {
        return Stream.generate(() -> Map.<String, Object>of("email",
                kind + (first + ThreadLocalRandom.current().nextInt(count)) + "@bench.test")).iterator();
    }

    private static ChainBuilder signIn(String name) {
        return exec(http(name + " · login page").get("/login").check(status().is(200)))
                .exec(http(name + " · sign in").post("/login").formParam("username", "#{email}").formParam("password", BenchData.PASSWORD)
                        .disableFollowRedirect().check(status().is(302), HttpDsl.header("Location")
                                .transform(location -> location.contains("error") ? "refused" : "signed in").is("signed in")));
    }

    final ScenarioBuilder visitor = scenario("Visitor").forever().on(
            open("ideas list", "ideas", "", node("ideas-more", "moreNode")),
            think(), exec(click("ideas list · more", "moreNode")),
            think(), exec(navigate("ideas list · sort and search", "ideas", "sort=SUPPORTED&q=quartier").check(someIdea("ideaRoute"))),
            think(), exec(navigate("idea page", "#{ideaRoute}", "")),
            think(), exec(close("page closed")));

    final ScenarioBuilder resident = scenario("Resident").feed(accounts("resident", FIRST_RESIDENT, RESIDENTS))
            .exec(signIn("resident"))
            .forever().on(
                    exec(session -> session.removeAll("supportNode", "commentText", "commentPost")),
                    // ideas still open to support and comments, as a resident who wants to act looks for them
                    open("ideas list (signed in)", "ideas", "status=PUBLISHED&sort=NEWEST", someIdea("ideaRoute")),
                    think(), exec(navigate("idea page (signed in)", "#{ideaRoute}", "")
                            .check(nodeIfAny("idea-support", "supportNode"), nodeIfAny("comment-new-text", "commentText"),
                                    nodeIfAny("comment-new-post", "commentPost"))),
                    // closed ideas, and the resident's own, offer no support button; withdrawn ones no comment form
                    // supporting redraws the discussion: its form comes back with new nodes
                    doIf("#{supportNode.exists()}").then(think(), exec(click("support", "supportNode")
                            .check(nodeIfAny("comment-new-text", "commentText"), nodeIfAny("comment-new-post", "commentPost")))),
                    doIf("#{commentPost.exists()}").then(think(),
                            exec(type("comment · typing", "commentText", "Je soutiens cette idée, elle changerait la vie du quartier.")),
                            exec(click("comment · post", "commentPost"))),
                    think(), exec(close("page closed")));

    final ScenarioBuilder official = scenario("Official").feed(accounts("official", 1, OFFICIALS))
            .exec(signIn("official"))
            .forever().on(
                    open("moderation inbox", "moderation", ""),
                    think(), exec(navigate("moderation inbox · flagged", "moderation", "tab=FLAGGED")),
                    think(), exec(navigate("follow-up page", "follow-up", "")),
                    think(), exec(close("page closed")));

    final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL).acceptLanguageHeader("fr-FR,fr;q=0.9")
            .userAgentHeader("Participe load test (Gatling)").shareConnections();

    {
        int visitors = Math.max(1, SESSIONS * 70 / 100);
        int residents = Math.max(1, SESSIONS * 25 / 100);
        int officials = Math.max(1, SESSIONS - visitors - residents);
        setUp(
                visitor.injectClosed(rampConcurrentUsers(0).to(visitors).during(RAMP), constantConcurrentUsers(visitors).during(HOLD)),
                resident.injectClosed(rampConcurrentUsers(0).to(residents).during(RAMP), constantConcurrentUsers(residents).during(HOLD)),
                official.injectClosed(rampConcurrentUsers(0).to(officials).during(RAMP), constantConcurrentUsers(officials).during(HOLD)))
                .protocols(protocol)
                .maxDuration(Duration.ofSeconds(RAMP + HOLD))
                .assertions(assertions());
    }

    /**
     * At most 1 % of failed requests; with {@code load.strict=true} (the smoke run) none at all, and
     * every journey's last steps reached at least once.
     */
    private static List<Assertion> assertions() {
        if (!Boolean.getBoolean("load.strict")) {
            return List.of(global().failedRequests().percent().lte(1.0));
        }
        List<Assertion> all = new ArrayList<>(List.of(global().failedRequests().count().is(0L)));
        for (String request : List.of("idea page", "support", "comment · post", "moderation inbox · flagged", "follow-up page")) {
            all.add(CoreDsl.details(request).successfulRequests().count().gt(0L));
        }
        return all;
    }
}
