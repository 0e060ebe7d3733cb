package org.participe.base;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.springframework.core.env.Environment;

/**
 * Whether this is the production build ({@code mvn -Pproduction package}): the Vaadin Maven plugin's
 * {@code build-frontend} goal, which only that profile runs, writes {@code "productionMode": true}
 * into the jar's {@code flow-build-info.json}, and Vaadin starts in production mode from it. The
 * run command and the tests never have it; {@code vaadin.productionMode=true} also counts, since
 * it asks for production mode too.
 */
public final class ProductionBuild {

    static final String BUILD_INFO = "META-INF/VAADIN/config/flow-build-info.json";

    private ProductionBuild() {
    }

    public static boolean detect(Environment environment, ClassLoader classLoader) {
        return environment.getProperty("vaadin.productionMode", Boolean.class, false)
                || environment.getProperty("vaadin.production-mode", Boolean.class, false)
                || buildInfoSaysProduction(classLoader);
    }

    static boolean buildInfoSaysProduction(ClassLoader classLoader) {
        URL info = (classLoader != null ? classLoader : ProductionBuild.class.getClassLoader()).getResource(BUILD_INFO);
        if (info == null) {
            return false;
        }
        try (InputStream in = info.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("\\s", "").contains("\"productionMode\":true");
        } catch (IOException e) {
            return false;
        }
    }
}
