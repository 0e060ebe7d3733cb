package org.participe.base.ui;

import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.VaadinRequest;
import org.participe.base.validation.InvalidInputException;

/** Puts a service's refusal next to the fields it concerns, in the viewer's language. */
public final class FormErrors {

    private FormErrors() {
    }

    /** Shows each field error on its field; errors without a field become one notification. */
    public static void show(Component view, InvalidInputException refusal, Map<String, ? extends HasValidation> fields) {
        StringBuilder unplaced = new StringBuilder();
        boolean focused = false;
        for (var error : refusal.errors().entrySet()) {
            String message = view.getTranslation(error.getValue().messageKey(), error.getValue().arguments());
            HasValidation field = fields.get(error.getKey());
            if (field != null) {
                field.setErrorMessage(message);
                field.setInvalid(true);
                if (!focused && field instanceof com.vaadin.flow.component.Focusable<?> focusable) {
                    focusable.focus();
                    focused = true;
                }
            } else {
                unplaced.append(message).append(' ');
            }
        }
        if (!unplaced.isEmpty()) {
            error(unplaced.toString().strip());
        }
    }

    public static void clear(Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(field -> field.setInvalid(false));
    }

    public static void error(String message) {
        Notification notification = Notification.show(message, 8000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    public static void success(String message) {
        Notification notification = Notification.show(message, 6000, Notification.Position.BOTTOM_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /** The client's address as the server sees it (behind a proxy, set server.forward-headers-strategy). */
    public static String clientAddress() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request == null ? null : request.getRemoteAddr();
    }
}
