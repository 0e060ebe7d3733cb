package org.participe.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The statistics table of a Gatling report (index.html of a run), one line per request kind. */
record GatlingReport(List<Row> rows) {

    /** Times in milliseconds; throughput in requests per second. */
    record Row(String name, long total, long ok, long ko, double perSecond, long p50, long p75, long p95, long p99, long max, long mean) {
    }

    private static final Pattern ROW = Pattern.compile(
            "class=\"ellipsed-name\">([^<]+)</span>.*?((?:<td class=\"value [^\"]*col-\\d+\">[^<]*</td>\\s*){13})", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<td class=\"value [^\"]*col-(\\d+)\">([^<]*)</td>");

    static GatlingReport read(Path run) throws IOException {
        String html = Files.readString(run.resolve("index.html"));
        List<Row> rows = new ArrayList<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            String[] cells = new String[15];
            Matcher cell = CELL.matcher(row.group(2));
            while (cell.find()) {
                cells[Integer.parseInt(cell.group(1))] = cell.group(2).replace(",", "").strip();
            }
            rows.add(new Row(row.group(1).replace("&middot;", "·").replace("&amp;", "&").replace("&#39;", "'"), number(cells[2]), number(cells[3]), number(cells[4]),
                    Double.parseDouble(cells[6].isEmpty() || cells[6].equals("-") ? "0" : cells[6]), number(cells[8]), number(cells[9]),
                    number(cells[10]), number(cells[11]), number(cells[12]), number(cells[13])));
        }
        return new GatlingReport(rows);
    }

    private static long number(String text) {
        return text == null || text.isEmpty() || text.equals("-") ? 0 : Math.round(Double.parseDouble(text));
    }

    /** The newest run under a results folder. */
    static Path newestRun(Path results) throws IOException {
        try (var runs = Files.list(results)) {
            return runs.filter(Files::isDirectory).max(Comparator.comparing(path -> path.getFileName().toString()))
                    .orElseThrow(() -> new IllegalStateException("No Gatling run in " + results));
        }
    }
}
