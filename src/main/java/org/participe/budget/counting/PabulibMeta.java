package org.participe.budget.counting;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The descriptive lines of a pabulib file's META section: {@code description}, {@code country},
 * {@code unit} (the town), {@code instance} (the edition, e.g. the year), {@code rule}
 * ({@link #RULE_GREEDY} or {@link #RULE_EQUAL_SHARES}) and any other key (e.g. {@code date_begin},
 * {@code date_end}, {@code language}), written after the others in their order.
 */
public record PabulibMeta(String description, String country, String unit, String instance, String rule,
        Map<String, String> other) {

    public static final String RULE_GREEDY = "greedy";
    public static final String RULE_EQUAL_SHARES = "equalshares";

    public PabulibMeta {
        other = new LinkedHashMap<>(other);
    }
}
