package org.participe.base.ui;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.router.QueryParameters;

/** Reads list filters back from a URL query, ignoring what is missing or malformed. */
public final class QueryParams {

    private final Map<String, List<String>> values;

    private QueryParams(Map<String, List<String>> values) {
        this.values = values;
    }

    public static QueryParams of(QueryParameters parameters) {
        return new QueryParams(parameters.getParameters());
    }

    public Optional<String> text(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isEmpty()).map(List::getFirst).filter(v -> !v.isBlank());
    }

    public Optional<Long> id(String key) {
        return text(key).flatMap(value -> {
            try {
                return Optional.of(Long.parseLong(value));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** A date written as 2026-11-26; anything else is no date. */
    public Optional<LocalDate> date(String key) {
        return text(key).flatMap(value -> {
            try {
                return Optional.of(LocalDate.parse(value));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    public <E extends Enum<E>> Optional<E> choice(String key, Class<E> type) {
        return text(key).flatMap(value -> {
            try {
                return Optional.of(Enum.valueOf(type, value));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }
}
