package org.participe.initiatives.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** Through the login and back to the same initiative (to follow it). */
@Route("initiatives/:id([0-9]+)/back")
@PermitAll
public class InitiativeReturnView extends Composite<Div> implements BeforeEnterObserver {

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.forwardTo("initiatives/" + event.getRouteParameters().get("id").orElse(""));
    }
}
