package org.participe.demo.ui;

import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.participe.base.ui.MainLayout;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Adds the development outbox to the routes, in demo mode only: elsewhere it does not exist. */
@Component
@ConditionalOnProperty(name = "participe.demo.enabled", havingValue = "true")
class DemoRoutes implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        RouteConfiguration.forApplicationScope().setRoute(DevOutboxView.PATH, DevOutboxView.class, MainLayout.class);
    }
}
