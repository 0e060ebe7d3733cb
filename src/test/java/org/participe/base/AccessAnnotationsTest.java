package org.participe.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;

/** Every view, layout and error view states, with exactly one annotation, who may open it. */
class AccessAnnotationsTest {

    private static final List<Class<? extends Annotation>> ACCESS =
            List.of(AnonymousAllowed.class, PermitAll.class, RolesAllowed.class, DenyAll.class);

    @Test
    void everyNavigationTargetCarriesExactlyOneAccessAnnotation() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        scanner.addIncludeFilter(new AnnotationTypeFilter(Layout.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(RouterLayout.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(HasErrorParameter.class));
        scanner.addIncludeFilter(new AnnotationTypeFilter(Menu.class));
        List<String> offenders = new ArrayList<>();
        int checked = 0;
        for (var candidate : scanner.findCandidateComponents("org.participe")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            long count = ACCESS.stream().filter(type::isAnnotationPresent).count();
            checked++;
            if (count != 1) {
                offenders.add(type.getName() + " has " + count);
            }
        }
        assertThat(checked).as("views found").isGreaterThanOrEqualTo(12);
        assertThat(offenders).isEmpty();
    }
}
