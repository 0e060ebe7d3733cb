package org.participe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.spring.SpringServlet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

/** The same checks with Vaadin in production mode (the prebuilt bundle, as the production jar serves). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vaadin.productionMode=true")
class SecurityHeadersProductionModeIT extends SecurityHeadersIT {

    @Autowired ServletRegistrationBean<SpringServlet> vaadinServlet;

    @Test
    void vaadinRunsInProductionMode() {
        VaadinService service = vaadinServlet.getServlet().getService();
        assertThat(service.getDeploymentConfiguration().isProductionMode()).isTrue();
    }
}
