package org.participe.base.database;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * A PostgreSQL array literal of numbers or instants, to send many rows in one statement
 * ({@code unnest(cast(:ids as bigint[]), cast(:dates as timestamptz[]))}) instead of one round
 * trip per row. Only for values whose text has no quote, comma, brace or space: numbers and
 * {@link java.time.Instant}s (ISO-8601, which PostgreSQL reads as such); null becomes SQL null.
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    public static String of(Collection<?> values) {
        return values.stream().map(value -> value == null ? "NULL" : value.toString()).collect(Collectors.joining(",", "{", "}"));
    }
}
