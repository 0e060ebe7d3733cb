package org.participe.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.participe.base.StartRefusedException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * A production build refuses demo mode at start, with a report that says why and what to do, unless
 * the server is declared a throwaway demonstration. Starts an empty context: the guard runs before any bean.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoModeGuardTest {

    @Configuration(proxyBeanMethods = false)
    static class Nothing {
    }

    private static ConfigurableApplicationContext start(String... arguments) {
        String[] common = {"--participe.test-infrastructure.enabled=false", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:9/unused"};
        String[] all = Stream.concat(Arrays.stream(common), Arrays.stream(arguments)).toArray(String[]::new);
        return new SpringApplicationBuilder(Nothing.class).web(WebApplicationType.NONE).run(all);
    }

    @Test
    void theDemoProfileIsRefusedInProductionModeWithAClearReport(CapturedOutput output) {
        assertThatThrownBy(() -> start("--vaadin.productionMode=true", "--spring.profiles.active=demo"))
                .isInstanceOf(StartRefusedException.class);
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("Demo mode (the 'demo' profile or participe.demo.enabled=true) is refused in a production build")
                .contains("PARTICIPE_DEMO_ALLOWED_IN_PRODUCTION=true")
                .doesNotContain("at org.participe.demo.DemoModeGuard");
    }

    @Test
    void demoEnabledByPropertyIsRefusedToo() {
        assertThatThrownBy(() -> start("--vaadin.productionMode=true", "--participe.demo.enabled=true"))
                .isInstanceOf(StartRefusedException.class);
    }

    @Test
    void aDeclaredDemonstrationServerStarts() {
        try (var context = start("--vaadin.productionMode=true", "--spring.profiles.active=demo",
                "--participe.demo.allowed-in-production=true")) {
            assertThat(context.isRunning()).isTrue();
        }
    }

    @Test
    void theRunCommandKeepsItsDemo() {
        try (var context = start("--spring.profiles.active=demo")) {
            assertThat(context.getEnvironment().getProperty("participe.demo.enabled")).isEqualTo("true");
        }
    }
}
