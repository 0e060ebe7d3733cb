package org.participe.budget.counting;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes and reads the open format of pabulib.org ({@code .pb}), which pabutools and the
 * equalshares.net tool read: three sections, {@code META} ({@code key;value} lines),
 * {@code PROJECTS} ({@code project_id;cost;votes;name;selected}) and {@code VOTES}
 * ({@code voter_id;vote}, the vote being the approved project ids separated by commas), fields
 * separated by {@code ;} and quoted with {@code "} when they hold a {@code ;} or a {@code "} (doubled),
 * as Python's csv module reads them. Amounts are written in euros (the file's unit): whole euros
 * without decimals, otherwise with two. No voter data but the vote is written (no age, sex or
 * neighbourhood); voter ids are 1…n and ballots are written in a canonical order (sorted by their
 * vote), never in the order they were cast.
 */
public final class Pabulib {

    private Pabulib() {
    }

    public static void write(Instance instance, PabulibMeta meta, Collection<String> selected, Writer out) {
        Map<String, Long> votes = instance.votes();
        StringBuilder text = new StringBuilder();
        text.append("META\n").append("key;value\n");
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("description", meta.description());
        lines.put("country", meta.country());
        lines.put("unit", meta.unit());
        lines.put("instance", meta.instance());
        lines.put("num_projects", Integer.toString(instance.projects().size()));
        lines.put("num_votes", Integer.toString(instance.ballots().size()));
        lines.put("budget", euros(instance.budget()));
        lines.put("vote_type", "approval");
        lines.put("rule", meta.rule());
        meta.other().forEach(lines::putIfAbsent);
        lines.forEach((key, value) -> text.append(field(key)).append(';').append(field(value)).append('\n'));
        text.append("PROJECTS\n").append("project_id;cost;votes;name;selected\n");
        for (Project project : instance.projects()) {
            text.append(field(project.id())).append(';').append(euros(project.cost())).append(';')
                    .append(votes.get(project.id())).append(';').append(field(project.name())).append(';')
                    .append(selected.contains(project.id()) ? 1 : 0).append('\n');
        }
        text.append("VOTES\n").append("voter_id;vote\n");
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < instance.projects().size(); i++) {
            order.put(instance.projects().get(i).id(), i);
        }
        List<String> ballots = new ArrayList<>();
        for (Set<String> ballot : instance.ballots()) {
            ballots.add(String.join(",", ballot.stream().sorted((a, b) -> order.get(a) - order.get(b)).toList()));
        }
        ballots.sort(null);
        int voter = 1;
        for (String ballot : ballots) {
            text.append(voter++).append(';').append(field(ballot)).append('\n');
        }
        try {
            out.write(text.toString());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PabulibFile read(Reader in) {
        Map<String, String> meta = new LinkedHashMap<>();
        List<Project> projects = new ArrayList<>();
        Set<String> selected = new HashSet<>();
        List<Set<String>> ballots = new ArrayList<>();
        String section = "";
        List<String> header = List.of();
        boolean expectHeader = false;
        try (BufferedReader lines = new BufferedReader(in)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                List<String> row = fields(line);
                String first = row.get(0).trim().toLowerCase(Locale.ROOT);
                if (row.size() == 1 && List.of("meta", "projects", "votes").contains(first)) {
                    section = first;
                    expectHeader = true;
                    continue;
                }
                if (expectHeader) {
                    header = row.stream().map(String::trim).toList();
                    expectHeader = false;
                    continue;
                }
                switch (section) {
                    case "meta" -> meta.put(row.get(0).trim(), row.size() > 1 ? row.get(1).trim() : "");
                    case "projects" -> {
                        Map<String, String> cells = cells(header, row);
                        String id = cells.get("project_id");
                        projects.add(new Project(id, cells.getOrDefault("name", ""), cents(cells.get("cost"))));
                        if ("1".equals(cells.get("selected"))) {
                            selected.add(id);
                        }
                    }
                    case "votes" -> {
                        Set<String> ballot = new LinkedHashSet<>();
                        for (String id : cells(header, row).getOrDefault("vote", "").split(",")) {
                            if (!id.isBlank()) {
                                ballot.add(id.trim());
                            }
                        }
                        ballots.add(ballot);
                    }
                    default -> throw new InvalidInstanceException(InvalidInstanceException.Problem.MALFORMED_FILE,
                            "a line before the META section");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!meta.containsKey("budget")) {
            throw new InvalidInstanceException(InvalidInstanceException.Problem.MALFORMED_FILE, "no budget");
        }
        return new PabulibFile(meta, new Instance(projects, cents(meta.get("budget")), ballots), selected);
    }

    private static Map<String, String> cells(List<String> header, List<String> row) {
        Map<String, String> cells = new HashMap<>();
        for (int i = 0; i < header.size() && i < row.size(); i++) {
            String value = row.get(i).trim();
            if (!value.equalsIgnoreCase("none")) {
                cells.put(header.get(i), value);
            }
        }
        return cells;
    }

    /** Euros as written in the file (a dot or a comma before the decimals), in cents. */
    static long cents(String euros) {
        if (euros == null) {
            throw new InvalidInstanceException(InvalidInstanceException.Problem.MALFORMED_FILE, "missing amount");
        }
        try {
            return new BigDecimal(euros.trim().replace(',', '.')).movePointRight(2).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new InvalidInstanceException(InvalidInstanceException.Problem.MALFORMED_FILE, euros);
        }
    }

    static String euros(long cents) {
        return cents % 100 == 0 ? Long.toString(cents / 100) : BigDecimal.valueOf(cents, 2).toPlainString();
    }

    private static String field(String value) {
        String flat = value == null ? "" : value.replaceAll("[\\r\\n]+", " ");
        if (flat.indexOf(';') < 0 && flat.indexOf('"') < 0) {
            return flat;
        }
        return '"' + flat.replace("\"", "\"\"") + '"';
    }

    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == '"' && current.isEmpty()) {
                quoted = true;
            } else if (c == ';') {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fields.add(current.toString());
        return fields;
    }
}
