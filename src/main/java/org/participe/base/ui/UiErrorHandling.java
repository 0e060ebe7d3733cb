package org.participe.base.ui;

import java.util.UUID;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.participe.base.validation.TooManyRequestsException;
import org.participe.base.database.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.DisconnectedClientHelper;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * What a person sees when something fails after the page is open (a click, a save): a short
 * message in their language, never a stack trace. The details go to the log with a reference.
 */
@Component
class UiErrorHandling implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(UiErrorHandling.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(error -> {
            if (DisconnectedClientHelper.isClientDisconnectedException(error.getThrowable())) {
                // The browser left before the answer was written: nobody to tell, nothing broken.
                log.debug("Client gone before the answer was written", error.getThrowable());
                return;
            }
            Throwable cause = rootCause(error.getThrowable());
            UI ui = UI.getCurrent();
            if (ui == null) {
                log.error("Error outside a UI", error.getThrowable());
                return;
            }
            String message;
            if (cause instanceof OptimisticLockingFailureException) {
                message = ui.getTranslation("error.conflict");
            } else if (cause instanceof AccessDeniedException) {
                message = ui.getTranslation("error.denied.text");
            } else if (cause instanceof TooManyRequestsException tooMany) {
                message = ui.getTranslation(tooMany.messageKey());
            } else if (DatabaseUnavailable.causedBy(error.getThrowable())) {
                log.warn("The database cannot be reached: {}", error.getThrowable().toString());
                message = ui.getTranslation("error.unavailable.text");
            } else {
                String reference = UUID.randomUUID().toString().substring(0, 8);
                log.error("Error {} in the UI", reference, error.getThrowable());
                message = ui.getTranslation("error.internal.text") + " " + ui.getTranslation("error.internal.reference", reference);
            }
            Notification notification = Notification.show(message, 8000, Notification.Position.MIDDLE);
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }));
    }

    private static Throwable rootCause(Throwable throwable) {
        Throwable current = throwable;
        while (current.getCause() != null && current.getCause() != current
                && !(current instanceof OptimisticLockingFailureException)
                && !(current instanceof AccessDeniedException)
                && !(current instanceof TooManyRequestsException)) {
            current = current.getCause();
        }
        return current;
    }
}
