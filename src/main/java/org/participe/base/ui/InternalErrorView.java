package org.participe.base.ui;

import java.util.UUID;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.participe.base.database.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything unexpected while opening a page: logged with a reference, never shown as a stack trace.
 * When the database cannot be reached, the page says the service is briefly unavailable (503).
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class InternalErrorView extends ErrorPage implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(InternalErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        if (DatabaseUnavailable.causedBy(parameter.getCaughtException())) {
            log.warn("The database cannot be reached while opening {}: {}", event.getLocation().getPath(), parameter.getCaughtException().toString());
            show(getTranslation("error.unavailable.title"), getTranslation("error.unavailable.text"));
            return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Error {} while opening {}", reference, event.getLocation().getPath(), parameter.getCaughtException());
        show(getTranslation("error.internal.title"), getTranslation("error.internal.text"),
                getTranslation("error.internal.reference", reference));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
