package org.participe.demo;

import org.apache.commons.logging.Log;
import org.participe.base.ProductionBuild;
import org.participe.base.StartRefusedException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses demo mode in the production build, before anything starts: the demo creates
 * {@code admin@participe.demo} with the password printed in the README, so a town that turned it on
 * by mistake would hand its administration to anyone. A public demonstration server says so with
 * {@code PARTICIPE_DEMO_ALLOWED_IN_PRODUCTION=true}.
 */
public class DemoModeGuard implements EnvironmentPostProcessor, Ordered {

    static final String ALLOWED = "participe.demo.allowed-in-production";

    private final Log log;

    public DemoModeGuard(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(DemoModeGuard.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean demo = environment.getProperty("participe.demo.enabled", Boolean.class, false)
                || environment.acceptsProfiles(Profiles.of("demo"));
        if (!demo || !ProductionBuild.detect(environment, application.getClassLoader())) {
            return;
        }
        if (environment.getProperty(ALLOWED, Boolean.class, false)) {
            log.warn("Demo mode in a production build, allowed by PARTICIPE_DEMO_ALLOWED_IN_PRODUCTION=true: every demo account, "
                    + "administrator included, has the password printed in the README. Only for a throwaway demonstration server.");
            return;
        }
        throw new StartRefusedException("Demo mode (the 'demo' profile or participe.demo.enabled=true) is refused in a production build: "
                + "it creates admin@participe.demo with the password printed in the README, so anyone could administer the town.",
                "Remove 'demo' from SPRING_PROFILES_ACTIVE (and participe.demo.enabled). For a throwaway public demonstration "
                        + "server only, set PARTICIPE_DEMO_ALLOWED_IN_PRODUCTION=true.");
    }

    /** After the configuration files (which turn demo mode on), before the embedded database would start. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 100;
    }
}
