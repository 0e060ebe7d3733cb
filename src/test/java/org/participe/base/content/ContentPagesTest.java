package org.participe.base.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.router.Route;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/** Each kind of content with a page of its own has a view at the path {@link ContentKey#path()} gives. */
class ContentPagesTest {

    @Test
    void everyContentPathLeadsToAView() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Set<String> routes = scanner.findCandidateComponents("org.participe").stream()
                .map(candidate -> candidate.getBeanClassName())
                .map(ContentPagesTest::route).collect(Collectors.toSet());
        for (ContentKind kind : ContentKind.values()) {
            if (kind.hasOwnPage()) {
                assertThat(routes).as("the view of %s's pages", kind).contains(kind.route() + "/:id([0-9]+)");
            }
        }
    }

    private static String route(String className) {
        try {
            return Class.forName(className).getAnnotation(Route.class).value();
        } catch (ClassNotFoundException missing) {
            throw new IllegalStateException(missing);
        }
    }
}
