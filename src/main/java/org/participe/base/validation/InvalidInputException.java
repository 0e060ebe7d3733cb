package org.participe.base.validation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service refused input. Carries, per field, a translation key (and its arguments) so that each
 * view shows the reason next to the field, in the user's language.
 */
public class InvalidInputException extends RuntimeException {

    public record FieldError(String messageKey, Object... arguments) {
    }

    private final Map<String, FieldError> errors;

    public InvalidInputException(Map<String, FieldError> errors) {
        super("Invalid input: " + errors.keySet());
        // In the order the service checked them (its form's reading order), for the error summary.
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    public static InvalidInputException of(String field, String messageKey, Object... arguments) {
        return new InvalidInputException(Map.of(field, new FieldError(messageKey, arguments)));
    }

    public Map<String, FieldError> errors() {
        return errors;
    }

    /** Collects several field errors before throwing them together. */
    public static final class Collector {
        private final Map<String, FieldError> errors = new LinkedHashMap<>();

        public Collector reject(String field, String messageKey, Object... arguments) {
            errors.putIfAbsent(field, new FieldError(messageKey, arguments));
            return this;
        }

        public boolean has(String field) {
            return errors.containsKey(field);
        }

        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
        }
    }
}
