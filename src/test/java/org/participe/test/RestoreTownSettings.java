package org.participe.test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.participe.reporting.ReferencePopulation;
import org.participe.reporting.ReportingService;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.town.FlagRules;
import org.participe.town.Logo;
import org.participe.town.TownProfile;
import org.participe.town.TownService;
import org.participe.town.TownSettingsUpdate;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * For a test class that changes the town's settings every other test reads (name, presentations,
 * colour, support threshold, pre-moderation, moderation rules, flag rules, logo, reference
 * population): each test's changes are undone after it, pass or fail, through the services (so
 * their caches forget too), and the next test class finds the town as it was. With
 * {@code @ExtendWith(RestoreTownSettings.class)} on a {@code @SpringBootTest} class;
 * {@link TownSettingsWatch} fails a class that leaves them changed.
 */
public class RestoreTownSettings implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RestoreTownSettings.class);
    private static final ParticipeUser READER = Security.user(-1, "settings-reader@test", true, Roles.ADMIN);
    private static final Map<ApplicationContext, ParticipeUser> KEEPERS = new WeakHashMap<>();

    /** What a test may change that every test reads, as the services give it. */
    record Settings(TownProfile profile, FlagRules flagRules, Optional<Logo> logo, ReferencePopulation population) {

        boolean townExists() {
            return profile.version() >= 0;
        }

        /** The differences from {@code other}, in words; empty when the same (versions aside). */
        List<String> differencesFrom(Settings other) {
            var differences = new ArrayList<String>();
            if (!editable(profile).equals(editable(other.profile))) {
                differences.add("settings " + editable(other.profile) + " became " + editable(profile));
            }
            if (!flagRules.equals(other.flagRules)) {
                differences.add("flag rules " + other.flagRules + " became " + flagRules);
            }
            if (!Arrays.equals(logo.map(Logo::content).orElse(null), other.logo.map(Logo::content).orElse(null))) {
                differences.add("the logo changed");
            }
            if (!population.populations().equals(other.population.populations())
                    || !String.valueOf(population.source()).equals(String.valueOf(other.population.source()))) {
                differences.add("the reference population changed");
            }
            return differences;
        }

        private static List<Object> editable(TownProfile p) {
            return Arrays.asList(p.name(), p.description(), p.descriptionEn(), p.mainColour(), p.thresholdSupports(), p.thresholdDays(),
                    p.preModeration(), p.flagsToHide(), p.answerDueDays(), p.unansweredAlertDays());
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put(Settings.class, read(SpringExtension.getApplicationContext(context)));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Settings before = context.getStore(NAMESPACE).remove(Settings.class, Settings.class);
        if (before != null) {
            restore(SpringExtension.getApplicationContext(context), before);
        }
    }

    static Settings read(ApplicationContext app) {
        app.getBean(TestData.class).activate();
        TownService town = app.getBean(TownService.class);
        ReportingService reporting = app.getBean(ReportingService.class);
        return Security.as(READER, () -> new Settings(town.profile(), town.flagRules(), town.logo(), reporting.referencePopulation()));
    }

    /** Puts back what differs from {@code before}; nothing when the town did not exist (a test's set-up creates it, as every class does). */
    static void restore(ApplicationContext app, Settings before) {
        Settings now = read(app);
        if (!before.townExists() || now.differencesFrom(before).isEmpty()) {
            return;
        }
        TownService town = app.getBean(TownService.class);
        ReportingService reporting = app.getBean(ReportingService.class);
        Security.as(keeper(app), () -> {
            TownProfile p = before.profile();
            // Only what changed is written back: each write moves the settings' version, which another
            // test context's 30-second copy of the settings would not know about.
            if (!Settings.editable(p).equals(Settings.editable(now.profile()))) {
                town.update(new TownSettingsUpdate(p.name(), p.description(), p.descriptionEn(), p.mainColour(), p.thresholdSupports(),
                        p.thresholdDays(), p.preModeration(), p.flagsToHide(), p.answerDueDays(), p.unansweredAlertDays(),
                        now.profile().version()));
            }
            if (!before.flagRules().equals(now.flagRules())) {
                FlagRules rules = before.flagRules();
                town.updateFlagRules(rules.minAccountDays(), rules.minContributions(), rules.protectedSupports());
            }
            if (before.logo().isEmpty()) {
                if (now.logo().isPresent()) {
                    town.removeLogo();
                }
            } else if (!Arrays.equals(before.logo().get().content(), now.logo().map(Logo::content).orElse(null))) {
                town.changeLogo(before.logo().get().content());
            }
            ReferencePopulation population = before.population();
            boolean populationChanged = !population.populations().equals(now.population().populations())
                    || !String.valueOf(population.source()).equals(String.valueOf(now.population().source()));
            if (!populationChanged) {
                return;
            }
            if (population.version() >= 0) {
                reporting.saveReferencePopulation(population.source(), population.populations(), now.population().version());
            } else if (now.population().version() >= 0) { // none had been entered, and the service only replaces one
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                jdbc.update("delete from reference_population_source");
                jdbc.update("delete from reference_population");
            }
        });
    }

    /** One administrator per application context puts the settings back (changes record who made them). */
    private static ParticipeUser keeper(ApplicationContext app) {
        TestData data = app.getBean(TestData.class);
        data.activate();
        synchronized (KEEPERS) {
            return KEEPERS.computeIfAbsent(app, ignored -> data.confirmedAccount("settings-keeper", Roles.ADMIN));
        }
    }
}
