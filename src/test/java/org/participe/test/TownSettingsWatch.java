package org.participe.test;

import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Keeps the suite runnable in any order: a Spring test that leaves the town's settings changed
 * (see {@link RestoreTownSettings}) after its own clean-up ({@code finally}, {@code @AfterEach})
 * fails, naming what it changed, and the settings are put back for the next test. Registered for every test class through
 * {@code META-INF/services/org.junit.jupiter.api.extension.Extension} and
 * {@code junit-platform.properties}.
 */
public class TownSettingsWatch implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TownSettingsWatch.class);

    private record Watched(ApplicationContext app, RestoreTownSettings.Settings before) {
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!springTest(context.getRequiredTestClass())) {
            return;
        }
        try {
            ApplicationContext app = SpringExtension.getApplicationContext(context);
            context.getStore(NAMESPACE).put(Watched.class, new Watched(app, RestoreTownSettings.read(app)));
        } catch (RuntimeException contextWithoutTheTown) {
            // not the application's context: nothing to watch
        }
    }

    /** Runs after the test's own clean-up ({@code @AfterEach} methods and extensions declared on the class). */
    @Override
    public void afterEach(ExtensionContext context) {
        Watched watched = context.getStore(NAMESPACE).remove(Watched.class, Watched.class);
        if (watched == null || !watched.before().townExists()
                || (watched.app() instanceof ConfigurableApplicationContext configurable && !configurable.isActive())) {
            return;
        }
        List<String> changes = RestoreTownSettings.read(watched.app()).differencesFrom(watched.before());
        if (!changes.isEmpty()) {
            RestoreTownSettings.restore(watched.app(), watched.before());
            throw new AssertionError(context.getDisplayName() + " left the town's settings changed, which other tests read ("
                    + String.join("; ", changes) + "). Put them back after each test: @ExtendWith(RestoreTownSettings.class) on the class.");
        }
    }

    private static boolean springTest(Class<?> testClass) {
        return AnnotationSupport.findRepeatableAnnotations(testClass, ExtendWith.class).stream()
                .anyMatch(extendWith -> List.of(extendWith.value()).contains(SpringExtension.class));
    }
}
