package org.participe.base;

import java.time.DateTimeException;
import java.time.ZoneId;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The town's time zone: days, due dates, dates shown and monthly figures are counted in it, and
 * the daily jobs run at their hour in it. One setting, {@value #PROPERTY} ({@code PARTICIPE_TIME_ZONE},
 * {@code Europe/Paris} by default), read at start before any bean is made.
 */
public final class TownZone {

    public static final String PROPERTY = "participe.town.time-zone";
    public static final ZoneId DEFAULT = ZoneId.of("Europe/Paris");

    private static volatile ZoneId zone = DEFAULT;

    private TownZone() {
    }

    public static ZoneId zone() {
        return zone;
    }

    /** Set at start from the configuration; tests set it to check that a zone is followed, and set it back. */
    public static void use(ZoneId configured) {
        zone = configured;
    }

    /** Takes the configured zone at start; a zone Java does not know stops the start with a clear report. */
    public static class FromConfiguration implements EnvironmentPostProcessor, Ordered {

        @Override
        public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
            String configured = environment.getProperty(PROPERTY, DEFAULT.getId());
            try {
                use(ZoneId.of(configured.strip()));
            } catch (DateTimeException e) {
                throw new StartRefusedException("The town's time zone '" + configured + "' (" + PROPERTY + ") is not a time zone.",
                        "Set PARTICIPE_TIME_ZONE to a region name such as Europe/Paris, America/Montreal or Indian/Reunion.");
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE - 100;
        }
    }
}
