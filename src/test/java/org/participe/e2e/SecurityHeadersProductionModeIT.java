package org.participe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.spring.SpringServlet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

/**
 * The same checks with Vaadin in production mode (the prebuilt bundle, as the production jar
 * serves). Production mode needs the bundle that {@code -Pproduction} puts on the classpath
 * (Vaadin's prebuilt {@code vaadin-prod-bundle}, copied by the {@code build-frontend} goal); run it with
 * {@code mvn -Pproduction verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=SecurityHeadersProductionModeIT};
 * a plain {@code mvn verify} leaves this class out (pom.xml), and {@code .ci/run} runs it that way after the rest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"vaadin.productionMode=true",
        // -Pproduction marks the build as production, which forbids the embedded database the tests use
        "participe.embedded-db.enabled=true"})
class SecurityHeadersProductionModeIT extends SecurityHeadersIT {

    /** What the production build's build-frontend goal puts on the classpath (absent from a plain development build). */
    static boolean productionBundlePresent() {
        return SecurityHeadersProductionModeIT.class.getResource("/META-INF/VAADIN/config/stats.json") != null;
    }

    @BeforeAll
    static void needsTheProductionBuild() {
        assertThat(productionBundlePresent()).as("production mode needs Vaadin's production bundle: run with -Pproduction").isTrue();
    }

    @Autowired ServletRegistrationBean<SpringServlet> vaadinServlet;

    @Test
    void vaadinRunsInProductionMode() {
        VaadinService service = vaadinServlet.getServlet().getService();
        assertThat(service.getDeploymentConfiguration().isProductionMode()).isTrue();
    }
}
