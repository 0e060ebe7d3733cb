package org.participe.architecture;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the tables a piece of SQL names, by their place in the statement rather than by their
 * spelling: a name counts only where a table goes ({@code from}, {@code join}, {@code into},
 * {@code update}, {@code using}, {@code table}, {@code truncate}, {@code references}, and after a
 * comma in a {@code from} list). So {@code idea_id}, {@code c.account} or an alias called
 * {@code account} are not tables, nor are SQL comments, string constants, function calls
 * ({@code from unnest(?)}), common table expressions, {@code extract(epoch from x)} or
 * {@code is distinct from x}. Enough of SQL for the application's own statements, not a parser:
 * it works on fragments too (a constant holding a {@code where} clause, a text block with
 * {@code %s} holes).
 */
final class SqlTables {

    /** A table named in SQL: where it starts in the text, and whether the statement writes it. */
    record Reference(String table, int offset, boolean write) {
    }

    private SqlTables() {
    }

    /** Words that end a {@code from} list or cannot be a table's or an alias's name. */
    private static final Set<String> KEYWORDS = Set.of(
            "select", "from", "where", "group", "order", "having", "limit", "offset", "fetch", "union", "intersect", "except",
            "window", "returning", "on", "using", "set", "for", "join", "left", "right", "full", "inner", "outer", "cross",
            "natural", "lateral", "only", "values", "as", "and", "or", "not", "in", "is", "null", "case", "when", "then",
            "else", "end", "into", "update", "delete", "insert", "with", "table", "do", "conflict", "default", "distinct",
            "all", "any", "exists", "between", "like", "ilike", "similar", "tablesample", "if", "by", "asc", "desc");
    /** Functions whose parentheses use {@code from} for something else than a table. */
    private static final Set<String> FROM_IN_ARGUMENTS = Set.of("extract", "substring", "trim", "overlay", "position");

    private enum Kind { WORD, QUOTED, OPEN, CLOSE, COMMA, DOT, OTHER }

    private record Token(Kind kind, String text, int offset) {
        boolean is(String word) {
            return kind == Kind.WORD && text.equals(word);
        }

        boolean isName() {
            return kind == Kind.QUOTED || (kind == Kind.WORD && !KEYWORDS.contains(text));
        }
    }

    /** The tables {@code sql} names, in order; {@code entityTables} maps JPQL entity names (lower case) to their tables. */
    static List<Reference> references(String sql, Map<String, String> entityTables) {
        List<Token> tokens = tokenize(sql);
        Set<String> localNames = commonTableExpressions(tokens);
        List<Reference> found = new ArrayList<>();
        // Per depth of parentheses: whether a comma there starts another item of a from list.
        Deque<Boolean> inFromList = new ArrayDeque<>();
        Deque<String> openedBy = new ArrayDeque<>();
        inFromList.push(false);
        boolean fragmentStart = true;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            Token previous = i > 0 ? tokens.get(i - 1) : null;
            switch (token.kind()) {
                case OPEN -> {
                    openedBy.push(previous != null && previous.kind() == Kind.WORD ? previous.text() : "");
                    inFromList.push(false);
                }
                case CLOSE -> {
                    if (inFromList.size() > 1) {
                        inFromList.pop();
                        openedBy.pop();
                    }
                }
                case COMMA -> {
                    if (inFromList.peek()) {
                        table(tokens, i + 1, true, false, localNames, entityTables, found);
                    }
                }
                case WORD -> {
                    String word = token.text();
                    switch (word) {
                        case "from" -> {
                            boolean notATable = FROM_IN_ARGUMENTS.contains(openedBy.peek() == null ? "" : openedBy.peek())
                                    || (previous != null && previous.is("distinct"));
                            if (!notATable) {
                                boolean deleting = previous != null && previous.is("delete");
                                table(tokens, i + 1, !deleting, deleting, localNames, entityTables, found);
                                setTop(inFromList, true);
                            }
                        }
                        case "join" -> table(tokens, i + 1, true, false, localNames, entityTables, found);
                        case "using" -> {
                            // delete … using t, merge … using t; not join … using (column)
                            if (i + 1 < tokens.size() && tokens.get(i + 1).kind() != Kind.OPEN) {
                                table(tokens, i + 1, true, false, localNames, entityTables, found);
                                setTop(inFromList, true);
                            }
                        }
                        case "into" -> table(tokens, i + 1, false, true, localNames, entityTables, found);
                        case "update" -> {
                            // not "for update", "for no key update", "do update"
                            boolean lock = previous != null && (previous.is("for") || previous.is("key") || previous.is("do"));
                            if (!lock) {
                                table(tokens, i + 1, false, true, localNames, entityTables, found);
                            }
                        }
                        case "table", "truncate", "references" -> {
                            if (!(word.equals("truncate") && i + 1 < tokens.size() && tokens.get(i + 1).is("table"))) {
                                table(tokens, i + 1, false, !word.equals("references"), localNames, entityTables, found);
                                if (word.equals("truncate") || (word.equals("table") && previous != null && previous.is("truncate"))) {
                                    setTop(inFromList, true);
                                }
                            }
                        }
                        case "where", "group", "order", "having", "limit", "offset", "fetch", "union", "intersect", "except", "window",
                             "returning", "on", "set", "for", "select", "values", "restart", "cascade" -> setTop(inFromList, false);
                        default -> {
                            if (fragmentStart) {
                                fromListFragment(tokens, i, localNames, entityTables, found, inFromList);
                            }
                        }
                    }
                }
                default -> {
                }
            }
            fragmentStart = false;
        }
        return found;
    }

    /**
     * A fragment that begins with a from list ({@code "idea i join idea_counts c on …"}, kept in a
     * constant and written after a {@code " from " +}): its first name is a table when an alias,
     * a join or a where follows it.
     */
    private static void fromListFragment(List<Token> tokens, int at, Set<String> localNames, Map<String, String> entityTables,
                                         List<Reference> found, Deque<Boolean> inFromList) {
        int next = at + 1;
        if (next < tokens.size() && tokens.get(next).isName()) {
            next++;
        }
        if (next < tokens.size() && (tokens.get(next).is("join") || tokens.get(next).is("left") || tokens.get(next).is("inner")
                || tokens.get(next).is("right") || tokens.get(next).is("full") || tokens.get(next).is("cross")
                || tokens.get(next).is("where") || tokens.get(next).kind() == Kind.COMMA)) {
            table(tokens, at, true, false, localNames, entityTables, found);
            setTop(inFromList, true);
        }
    }

    private static void setTop(Deque<Boolean> stack, boolean value) {
        stack.pop();
        stack.push(value);
    }

    /** Reads the table starting at {@code at}, if one is there (not a subquery, a function or a local name). */
    private static void table(List<Token> tokens, int at, boolean functionsAllowed, boolean write, Set<String> localNames,
                              Map<String, String> entityTables, List<Reference> found) {
        int i = at;
        while (i < tokens.size() && (tokens.get(i).is("only") || tokens.get(i).is("lateral") || tokens.get(i).is("if")
                || tokens.get(i).is("not") || tokens.get(i).is("exists"))) {
            i++;
        }
        if (i >= tokens.size() || !tokens.get(i).isName()) {
            return;
        }
        Token name = tokens.get(i);
        if (i + 2 < tokens.size() && tokens.get(i + 1).kind() == Kind.DOT) {
            // schema.table; anything else qualified (a JPQL path such as a.roles) is not a table
            if (!name.text().equals("public") || !tokens.get(i + 2).isName()) {
                return;
            }
            name = tokens.get(i + 2);
            i += 2;
        }
        if (functionsAllowed && i + 1 < tokens.size() && tokens.get(i + 1).kind() == Kind.OPEN) {
            return; // a function returning rows: unnest(?), generate_series(…)
        }
        if (localNames.contains(name.text())) {
            return;
        }
        String table = entityTables.getOrDefault(name.text(), name.text());
        found.add(new Reference(table, name.offset(), write));
    }

    /** The names that {@code with name as (…)} defines, which shadow tables. */
    private static Set<String> commonTableExpressions(List<Token> tokens) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i + 2 < tokens.size(); i++) {
            Token name = tokens.get(i);
            if (!name.isName()) {
                continue;
            }
            int j = i + 1;
            if (tokens.get(j).kind() == Kind.OPEN) { // with name (a, b) as (…)
                while (j < tokens.size() && tokens.get(j).kind() != Kind.CLOSE) {
                    j++;
                }
                j++;
            }
            if (j + 1 < tokens.size() && tokens.get(j).is("as")) {
                int k = j + 1;
                if (tokens.get(k).is("not")) {
                    k++;
                }
                if (k < tokens.size() && tokens.get(k).is("materialized")) {
                    k++;
                }
                Token before = i > 0 ? tokens.get(i - 1) : null;
                if (k < tokens.size() && tokens.get(k).kind() == Kind.OPEN && before != null
                        && (before.is("with") || before.is("recursive") || before.kind() == Kind.COMMA)) {
                    names.add(name.text());
                }
            }
        }
        return names;
    }

    private static List<Token> tokenize(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'') {
                i++;
                while (i < n) {
                    if (sql.charAt(i) == '\'' && i + 1 < n && sql.charAt(i + 1) == '\'') {
                        i += 2;
                    } else if (sql.charAt(i) == '\'') {
                        i++;
                        break;
                    } else {
                        i++;
                    }
                }
            } else if (c == '"') {
                int end = sql.indexOf('"', i + 1);
                end = end < 0 ? n : end;
                tokens.add(new Token(Kind.QUOTED, sql.substring(i + 1, end), i + 1));
                i = end + 1;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, sql.substring(start, i).toLowerCase(Locale.ROOT), start));
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                tokens.add(new Token(Kind.OTHER, "::", i));
                i += 2;
            } else if ((c == ':' || c == '%') && i + 1 < n && (Character.isLetterOrDigit(sql.charAt(i + 1)) || sql.charAt(i + 1) == '_')) {
                // a named parameter (:id) or a String.format hole (%s, %1$s): a value, never a name
                int start = i++;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
                tokens.add(new Token(Kind.OTHER, sql.substring(start, i), start));
            } else if (Character.isDigit(c)) {
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
                    i++;
                }
            } else {
                Kind kind = switch (c) {
                    case '(' -> Kind.OPEN;
                    case ')' -> Kind.CLOSE;
                    case ',' -> Kind.COMMA;
                    case '.' -> Kind.DOT;
                    default -> Kind.OTHER;
                };
                tokens.add(new Token(kind, String.valueOf(c), i));
                i++;
            }
        }
        return tokens;
    }
}
