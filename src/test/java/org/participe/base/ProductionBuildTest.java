package org.participe.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** The production build is recognised by what the Vaadin plugin writes into it, as Vaadin itself does. */
class ProductionBuildTest {

    @TempDir
    Path dir;

    @Test
    void theBuildInfoOfAProductionBuildSaysSo() throws IOException {
        assertThat(ProductionBuild.detect(new MockEnvironment(), loaderWith("{\n  \"productionMode\": true,\n  \"npmFolder\": \"/build\"\n}"))).isTrue();
        assertThat(ProductionBuild.detect(new MockEnvironment(), loaderWith("{ \"productionMode\": false }"))).isFalse();
    }

    @Test
    void theTestClasspathIsNotAProductionBuildUnlessAsked() {
        assertThat(ProductionBuild.detect(new MockEnvironment(), getClass().getClassLoader())).isFalse();
        assertThat(ProductionBuild.detect(new MockEnvironment().withProperty("vaadin.productionMode", "true"), getClass().getClassLoader())).isTrue();
    }

    private ClassLoader loaderWith(String buildInfo) throws IOException {
        Path file = dir.resolve(ProductionBuild.BUILD_INFO);
        Files.createDirectories(file.getParent());
        Files.writeString(file, buildInfo);
        return new ClassLoader(null) {
            @Override
            public URL getResource(String name) {
                try {
                    return name.equals(ProductionBuild.BUILD_INFO) ? file.toUri().toURL() : null;
                } catch (MalformedURLException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }
}
