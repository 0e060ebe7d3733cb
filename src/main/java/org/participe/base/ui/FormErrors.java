package org.participe.base.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.VaadinRequest;
import org.participe.base.validation.InvalidInputException;

/**
 * Puts a service's refusal next to the fields it concerns, in the viewer's language.
 *
 * <p>With several invalid fields, focus goes to the first one in reading order (the order of the
 * page, not of the service's checks), and one summary naming every invalid field and its reason
 * ("3 erreurs : Titre : …") is announced by an alert region. Each field keeps its visible message
 * and its own description, so a sighted person sees every error where it is and a screen-reader
 * user hears them all at once, then lands on the first field to correct. We chose this over a
 * focused summary box at the top of the form (GOV.UK, DSFR): our forms are short, several share
 * one page (profile) or sit in dialogs and comment threads, and moving focus to the top of the
 * page would take a keyboard user away from the field they must correct.
 */
public final class FormErrors {

    /** Class of the alert region that carries the summary (one per view, replaced on each refusal). */
    public static final String SUMMARY_CLASS = "form-error-summary";

    private FormErrors() {
    }

    /** Shows each field error on its field, focuses the first invalid field and announces a summary of all. */
    public static void show(Component view, InvalidInputException refusal, Map<String, ? extends HasValidation> fields) {
        Map<Component, Integer> readingOrder = readingOrder(view);
        List<Placed> placed = new ArrayList<>();
        List<String> unplaced = new ArrayList<>();
        int checkOrder = 0;
        for (var error : refusal.errors().entrySet()) {
            String message = view.getTranslation(error.getValue().messageKey(), error.getValue().arguments());
            HasValidation field = fields.get(error.getKey());
            if (field != null) {
                field.setErrorMessage(message);
                field.setInvalid(true);
                int position = field instanceof Component component ? readingOrder.getOrDefault(component, Integer.MAX_VALUE) : Integer.MAX_VALUE;
                placed.add(new Placed(field, message, position, checkOrder++));
            } else {
                unplaced.add(message);
            }
        }
        placed.sort(Comparator.comparingInt(Placed::position).thenComparingInt(Placed::checkOrder));
        placed.stream().map(Placed::field).filter(Focusable.class::isInstance).findFirst()
                .ifPresent(field -> ((Focusable<?>) field).focus());
        if (!unplaced.isEmpty()) {
            error(String.join(" ", unplaced));
        }
        if (!placed.isEmpty()) {
            List<String> items = new ArrayList<>();
            placed.forEach(p -> items.add(view.getTranslation("form.errors.item", label(p.field(), view), p.message())));
            items.addAll(unplaced);
            announce(view, view.getTranslation("form.errors.summary", items.size(), String.join(" ; ", items)));
        }
    }

    /** A field's visible name, for the summary: its label, or its accessible name. */
    static String label(HasValidation field, Component translator) {
        if (field instanceof HasLabel labelled && labelled.getLabel() != null && !labelled.getLabel().isBlank()) {
            return labelled.getLabel();
        }
        if (field instanceof Component component) {
            String name = component.getElement().getAttribute("aria-label");
            if (name == null) {
                name = component.getElement().getProperty("accessibleName");
            }
            if (name != null && !name.isBlank()) {
                return name;
            }
        }
        return translator.getTranslation("form.errors.field");
    }

    public static void clear(Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(field -> field.setInvalid(false));
    }

    /**
     * The note that explains the required-field marker, for the top of every form with required
     * fields (the marker alone, a bullet, says nothing to whoever has not been told).
     */
    public static Paragraph requiredNote(Component translator) {
        Paragraph note = new Paragraph(translator.getTranslation("form.required-note"));
        note.addClassName("form-required-note");
        return note;
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

    private record Placed(HasValidation field, String message, int position, int checkOrder) {
    }

    /** Every component of the view, numbered depth first: the order in which the page reads. */
    private static Map<Component, Integer> readingOrder(Component view) {
        Map<Component, Integer> order = new IdentityHashMap<>();
        List<Component> stack = new ArrayList<>(List.of(view));
        while (!stack.isEmpty()) {
            Component next = stack.removeLast();
            order.put(next, order.size());
            List<Component> children = next.getChildren().toList();
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.add(children.get(i));
            }
        }
        return order;
    }

    /**
     * Replaces the view's summary with a new alert region: an alert is read when it is inserted,
     * so the same summary twice in a row is read twice. Inside a dialog it stays inside the dialog,
     * the only part of the page a screen reader may read while the dialog is open.
     */
    private static void announce(Component view, String summary) {
        view.getElement().getChildren().filter(child -> child.getClassList().contains(SUMMARY_CLASS)).toList()
                .forEach(Element::removeFromParent);
        Div region = new Div(summary);
        region.addClassName(SUMMARY_CLASS);
        region.getElement().setAttribute("role", "alert");
        if (view instanceof HasComponents container) {
            container.add(region);
        } else {
            view.getElement().appendChild(region.getElement());
        }
    }
}
