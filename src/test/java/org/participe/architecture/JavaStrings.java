package org.participe.architecture;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The string literals and text blocks of a Java source file, each with where it starts, so that
 * a table found in one can be reported at its line. Comments and character literals are skipped.
 * An escape keeps its width ({@code \n} becomes two spaces), so that an offset inside a literal's
 * text plus the literal's start is an offset in the file.
 */
final class JavaStrings {

    /** One literal: its text (escapes blanked) and the offset in the file of its text's first character. */
    record Literal(String text, int offset) {
    }

    /** {@code @Table(name = "…")} and the like: a table named by a JPA mapping. */
    private static final Pattern MAPPED_TABLE = Pattern.compile("@(?:Table|JoinTable|CollectionTable|SecondaryTable)\\s*\\(\\s*name\\s*=\\s*\"([A-Za-z_][A-Za-z0-9_]*)\"");
    private static final Pattern ENTITY_CLASS = Pattern.compile("@Entity\\b[\\s\\S]*?@Table\\s*\\(\\s*name\\s*=\\s*\"([A-Za-z_][A-Za-z0-9_]*)\"[\\s\\S]*?\\bclass\\s+([A-Za-z_][A-Za-z0-9_]*)");

    private JavaStrings() {
    }

    static List<Literal> literals(String source) {
        List<Literal> literals = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'') {
                i++;
                while (i < n && source.charAt(i) != '\'') {
                    i += source.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
            } else if (source.startsWith("\"\"\"", i)) {
                int start = source.indexOf('\n', i + 3) + 1; // a text block's text starts on the next line
                int j = start;
                StringBuilder text = new StringBuilder();
                while (j < n && !source.startsWith("\"\"\"", j)) {
                    j = appendChar(source, j, text);
                }
                literals.add(new Literal(text.toString(), start));
                i = j + 3;
            } else if (c == '"') {
                int start = i + 1;
                int j = start;
                StringBuilder text = new StringBuilder();
                while (j < n && source.charAt(j) != '"' && source.charAt(j) != '\n') {
                    j = appendChar(source, j, text);
                }
                literals.add(new Literal(text.toString(), start));
                i = j + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    /** Appends the character at {@code at}, or blanks for an escape of the same width ({@code \"} stays a quote). */
    private static int appendChar(String source, int at, StringBuilder text) {
        char c = source.charAt(at);
        if (c == '\\' && at + 1 < source.length()) {
            char escaped = source.charAt(at + 1);
            if (escaped == '"') {
                text.append(" \"");
            } else if (escaped == '\n') {
                text.append(" \n");
            } else {
                text.append("  ");
            }
            return at + 2;
        }
        text.append(c);
        return at + 1;
    }

    /** Tables named by JPA mappings ({@code @Table}, {@code @JoinTable}, {@code @CollectionTable}): name and offset of the name. */
    static List<SqlTables.Reference> mappedTables(String source) {
        List<SqlTables.Reference> tables = new ArrayList<>();
        Matcher matcher = MAPPED_TABLE.matcher(source);
        while (matcher.find()) {
            tables.add(new SqlTables.Reference(matcher.group(1), matcher.start(1), true));
        }
        return tables;
    }

    /** Entity class name (lower case) → its table, for JPQL queries that name entities. */
    static Map<String, String> entityTables(String source) {
        Map<String, String> entities = new HashMap<>();
        Matcher matcher = ENTITY_CLASS.matcher(source);
        while (matcher.find()) {
            entities.put(matcher.group(2).toLowerCase(Locale.ROOT), matcher.group(1));
        }
        return entities;
    }

    static int lineOf(String source, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
