package org.participe.base.privacy;

import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One table of a person's data export, written as {@code name.json} and {@code name.csv}. The
 * README of the export explains it with the translation {@code my-data.file.<name>}.
 *
 * @param name    a file name without extension, in lower case (for example {@code ideas})
 * @param columns the column names, in English snake case
 * @param rows    the values, one list per row, in the order of the columns (text, numbers,
 *                booleans, instants or null)
 */
public record PersonalDataSet(String name, List<String> columns, List<List<Object>> rows) {

    public PersonalDataSet {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(name + ": a row has " + row.size() + " values for " + columns.size() + " columns");
            }
        }
    }

    /**
     * A table read by one query: the columns are the query's column labels, timestamps become
     * instants. The query reads one person's rows only, so it is small.
     */
    public static PersonalDataSet query(JdbcClient jdbc, String name, String sql, Object... params) {
        return jdbc.sql(sql).params(params).query((ResultSetExtractor<PersonalDataSet>) rs -> {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i));
            }
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(columns.size());
                for (int i = 1; i <= columns.size(); i++) {
                    Object value = rs.getObject(i);
                    row.add(value instanceof Timestamp timestamp ? timestamp.toInstant() : value);
                }
                rows.add(Collections.unmodifiableList(row));
            }
            return new PersonalDataSet(name, columns, rows);
        });
    }
}
