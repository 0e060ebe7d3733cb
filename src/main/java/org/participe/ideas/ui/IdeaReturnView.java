package org.participe.ideas.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/**
 * A visitor who wants to support or comment follows this link: being for signed-in people only,
 * it goes through the login page, which then brings them back to the same idea.
 */
@Route("ideas/:id([0-9]+)/back")
@PermitAll
public class IdeaReturnView extends Composite<Div> implements BeforeEnterObserver {

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.forwardTo("ideas/" + event.getRouteParameters().get("id").orElse(""));
    }
}
