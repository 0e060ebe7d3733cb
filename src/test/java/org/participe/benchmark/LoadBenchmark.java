package org.participe.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.participe.Application;
import org.participe.ideas.IdeaService;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.security.RunAs;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Measures Participe on one {@link BenchData} data set, everything on this machine (the
 * application and its embedded PostgreSQL in this JVM, the load generator in another on
 * loopback), and writes {@code target/bench/<data set>/REPORT.md} with Gatling's HTML reports
 * beside it:
 * <ol>
 *   <li>start-up time and live heap after start;</li>
 *   <li>SQL statements per ideas list and per idea page (quiet server, several pages);</li>
 *   <li>live heap per open UI on the list and on an idea page (after full collections, with N
 *       pages open and with none);</li>
 *   <li>pages under load: {@code ParticipeSimulation} at each level of concurrent sessions, and at
 *       the same levels the baseline ({@code BaselineSimulation}: the bare JDBC endpoint);</li>
 *   <li>{@code pgbench} on the same PostgreSQL: select-only and TPC-B;</li>
 *   <li>supports per second sustained by the service, with p95, then the counts checked exact;</li>
 *   <li>the dashboard's queries.</li>
 * </ol>
 * <pre>
 * mvn -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Dbenchmark.data=town -Dload.levels=100,300,1000 -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *      org.participe.benchmark.LoadBenchmark
 * </pre>
 */
public final class LoadBenchmark {

    private static final int CPU_SAMPLES = 50;

    private final BenchData data;
    private final Path out;
    private final List<String> report = new ArrayList<>();

    private LoadBenchmark(BenchData data) {
        this.data = data;
        this.out = Path.of("target/bench", data.name().toLowerCase(Locale.ROOT));
    }

    public static void main(String[] args) throws Exception {
        BenchData data = BenchData.named(System.getProperty("benchmark.data", "town"));
        int[] levels = Arrays.stream(System.getProperty("load.levels", "100,300,1000").split(",")).mapToInt(Integer::parseInt).toArray();
        int status = 0;
        try {
            new LoadBenchmark(data).run(levels);
        } catch (Throwable failure) {
            failure.printStackTrace();
            status = 1;
        }
        System.exit(status); // the application's own threads would keep the JVM alive
    }

    /** The idea whose comment count is the median one. */
    private static final String MEDIAN_DISCUSSED = "select idea_id from idea_counts order by comment_count, idea_id offset (select count(*) / 2 from idea_counts) limit 1";

    private double loadSeconds = -1;

    private void run(int[] levels) throws Exception {
        Files.createDirectories(out);
        String dataDir = Path.of("target/benchmark-postgres-" + data.name().toLowerCase(Locale.ROOT)).toAbsolutePath().toString();
        boolean fresh = !Files.exists(Path.of(dataDir, "PG_VERSION"));
        try {
            // What runs inside the application's services: the data, PostgreSQL alone, writes, the dashboard.
            try (ConfigurableApplicationContext tools = start(dataDir, fresh || Boolean.getBoolean("benchmark.reload"))) {
                JdbcClient jdbc = tools.getBean(JdbcClient.class);
                if (!data.loadedIn(jdbc)) {
                    long start = System.nanoTime();
                    data.load(jdbc, tools.getBean(PasswordEncoder.class).encode(BenchData.PASSWORD));
                    loadSeconds = (System.nanoTime() - start) / 1e9;
                }
                header(jdbc);
                section("Dashboard (reporting)");
                report.add("```");
                double[] totals = ReportingBenchmark.dashboard(tools, report::add);
                report.add("```");
                say("Goal ≤ 200 ms: whole town %.0f ms, filtered %.0f ms.", totals[0], totals[1]);
                pgbench(tools);
                writes(tools, jdbc);
            }
            // The application as residents meet it, with statement statistics and slow plans kept by PostgreSQL.
            try (AppUnderTest app = AppUnderTest.start(dataDir)) {
                section("Start-up");
                say("%s started in %.1f s (Spring, Flyway validation, Vaadin, the embedded PostgreSQL already holding the data); live heap after"
                        + " start: %.0f MB.", app.description(), app.startupSeconds(), app.liveHeap() / 1e6);
                try (Connection sql = app.database()) {
                    statementsPerPage(sql, app);
                    memoryPerUi(sql, app);
                    long firstIdea = single(sql, "select min(id) from idea");
                    underLoad(app.baseUrl(), firstIdea, levels);
                    slowest(sql, app);
                }
            }
        } finally {
            Files.write(out.resolve("REPORT.md"), report);
            System.out.println(String.join("\n", report));
            System.out.println("Report: " + out.resolve("REPORT.md").toAbsolutePath());
        }
    }

    /** The application in this JVM, on the bench data directory, with the bare baseline endpoint on. */
    static ConfigurableApplicationContext start(String dataDir, boolean reset) {
        // Arguments, not default properties: they must win over application.properties.
        return new SpringApplicationBuilder(Application.class).run("--participe.test-infrastructure.enabled=false",
                "--participe.embedded-db.enabled=true", "--participe.embedded-db.data-dir=" + dataDir,
                "--participe.embedded-db.reset=" + reset, "--participe.demo.enabled=false",
                "--server.port=0", "--logging.level.root=WARN", "--participe.bench.endpoint=true",
                "--participe.embedded-db.server-options=" + AppUnderTest.SERVER_OPTIONS,
                "--spring.datasource.hikari.maximum-pool-size=" + Integer.getInteger("benchmark.pool", 20));
    }

    static long single(Connection sql, String query) throws SQLException {
        try (var statement = sql.createStatement(); var rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void header(JdbcClient jdbc) {
        report.add("# Participe benchmark: data set " + data.name().toLowerCase(Locale.ROOT));
        report.add("");
        report.add("- Date: " + LocalDate.now() + "; machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
                + ManagementFactory.getOperatingSystemMXBean().getArch() + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20)
                + " MiB, Java " + Runtime.version() + ".");
        report.add("- Data: " + BenchData.summary(jdbc) + (loadSeconds < 0 ? " (loaded by an earlier run)."
                : "; loaded in %.0f s.".formatted(loadSeconds)));
        report.add("- Everything on this machine: the application and PostgreSQL (" + jdbc.sql("show server_version").query(String.class).single()
                + ") here, Gatling in a second JVM, over loopback.");
    }

    // Statements per page -------------------------------------------------------------------------

    private void statementsPerPage(Connection sql, AppUnderTest app) throws Exception {
        section("SQL statements, bytes and server CPU per page");
        say("On a quiet server, after a first drawing of the same page: statements counted by PostgreSQL (pg_stat_statements, calls)"
                + " for one drawing; bytes the server sent to draw it (initial answer and navigation); the application's CPU time per"
                + " drawing, the mean of %d after as many to warm up (in a session each, closed after).", CPU_SAMPLES);
        report.add("");
        report.add("| Page | Statements | Bytes sent | Server CPU per page |");
        report.add("|---|---|---|---|");
        List<String[]> pages = new ArrayList<>();
        pages.add(new String[]{"ideas list (newest)", "ideas"});
        pages.add(new String[]{"ideas list, sorted and searched", "ideas?sort=SUPPORTED&q=quartier"});
        for (String[] idea : List.of(
                new String[]{"idea page, no comment", "select i.id from idea i join idea_counts c on c.idea_id = i.id where c.comment_count = 0 and i.status <> 'WITHDRAWN' order by i.id limit 1"},
                new String[]{"idea page, median comments", MEDIAN_DISCUSSED},
                new String[]{"idea page, most discussed", "select idea_id from idea_counts order by comment_count desc, idea_id limit 1"})) {
            long id = single(sql, idea[1]);
            long comments = single(sql, "select comment_count from idea_counts where idea_id = " + id);
            pages.add(new String[]{idea[0] + " (" + comments + " comments)", "ideas/" + id});
        }
        String calls = "select coalesce(sum(calls), 0) from pg_stat_statements";
        long overhead = -single(sql, calls) + single(sql, calls);
        for (String[] page : pages) {
            try (PageClient warm = new PageClient(app.baseUrl())) {
                warm.open(page[1]);
            }
            long before = single(sql, calls);
            int bytes;
            try (PageClient client = new PageClient(app.baseUrl())) {
                bytes = client.open(page[1]);
            }
            long after = single(sql, calls);
            for (int i = 0; i < CPU_SAMPLES; i++) { // the JIT compiles the page's code first: its work is not the page's
                try (PageClient client = new PageClient(app.baseUrl())) {
                    client.open(page[1]);
                }
            }
            long cpu = app.cpuNanos();
            for (int i = 0; i < CPU_SAMPLES; i++) {
                try (PageClient client = new PageClient(app.baseUrl())) {
                    client.open(page[1]);
                }
            }
            double cpuMillis = (app.cpuNanos() - cpu) / 1e6 / CPU_SAMPLES;
            report.add("| %s | %d | %,d | %.1f ms |".formatted(page[0], after - before - overhead, bytes, cpuMillis));
        }
    }

    // Memory per UI -------------------------------------------------------------------------------

    private void memoryPerUi(Connection sql, AppUnderTest app) throws Exception {
        int count = Integer.getInteger("benchmark.uis", 300);
        section("Live heap per open UI");
        report.add("| Page | Open UIs | Live heap before | With them open | Per UI |");
        report.add("|---|---|---|---|---|");
        long idea = single(sql, MEDIAN_DISCUSSED);
        for (String route : List.of("ideas", "ideas/" + idea)) {
            long none = app.liveHeap();
            List<PageClient> open = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                PageClient client = new PageClient(app.baseUrl());
                client.open(route);
                open.add(client);
            }
            long with = app.liveHeap();
            report.add("| %s | %d | %.1f MB | %.1f MB | %.0f KB |".formatted(route, count, none / 1e6, with / 1e6, (with - none) / 1e3 / count));
            for (PageClient client : open) {
                client.close();
            }
        }
        say("Each UI is opened in a session of its own, as a visitor's browser does (initial request, then the drawn navigation);"
                + " live heap is read after full collections, so the figure per UI includes its session. Goal: at most 150 KB per UI on the list.");
    }

    // Pages under load ----------------------------------------------------------------------------

    private void underLoad(String base, long firstIdea, int[] levels) throws Exception {
        section("Pages under load");
        int think = Integer.getInteger("load.thinkMillis", 3000);
        int ramp = Integer.getInteger("load.rampSeconds", 20);
        int hold = Integer.getInteger("load.holdSeconds", 60);
        say("Closed model: each session loops over its journey (70 %% visitors, 25 %% residents, 5 %% officials) with %d ms of think time"
                + " on average between steps; %d s of ramp, then %d s held. Times are per request, in milliseconds; a page is its"
                + " initial request and its drawn navigation. Baseline: as many sessions reading one idea by id from a bare JDBC"
                + " endpoint of the same application, with the same think time.", think, ramp, hold);
        for (int sessions : levels) {
            String common = "-Dload.baseUrl=" + base + " -Dload.sessions=" + sessions + " -Dload.rampSeconds=" + ramp
                    + " -Dload.holdSeconds=" + hold + " -Dload.thinkMillis=" + think;
            GatlingReport journeys = gatling("ParticipeSimulation", sessions, common + " -Dload.residents=" + data.residentCount()
                    + " -Dload.firstResident=" + (BenchData.OFFICIALS + BenchData.STAFF + 1) + " -Dload.officials=" + BenchData.OFFICIALS);
            GatlingReport baseline = gatling("BaselineSimulation", sessions, common + " -Dload.firstIdea=" + firstIdea + " -Dload.ideas=" + data.ideas);
            report.add("");
            report.add("### " + sessions + " concurrent sessions");
            report.add("");
            report.add("| Request | Count | Failed | Per second | p50 | p95 | p99 | max |");
            report.add("|---|---|---|---|---|---|---|---|");
            for (GatlingReport.Row row : journeys.rows()) {
                report.add("| %s | %d | %d | %.1f | %d | %d | %d | %d |".formatted(row.name(), row.total(), row.ko(), row.perSecond(), row.p50(),
                        row.p95(), row.p99(), row.max()));
            }
            for (GatlingReport.Row row : baseline.rows()) {
                if (!row.name().startsWith("All")) {
                    report.add("| baseline: %s | %d | %d | %.1f | %d | %d | %d | %d |".formatted(row.name(), row.total(), row.ko(), row.perSecond(),
                            row.p50(), row.p95(), row.p99(), row.max()));
                }
            }
        }
    }

    /** Runs a simulation in a second JVM (the load generator must not share the application's heap); reads its report. */
    private GatlingReport gatling(String simulation, int sessions, String properties) throws Exception {
        Path results = out.resolve("gatling-" + sessions + "-" + simulation.replace("Simulation", "").toLowerCase(Locale.ROOT));
        Files.createDirectories(results);
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-Xmx2g"));
        command.addAll(List.of(properties.split(" ")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.gatling.app.Gatling",
                "-s", "org.participe.benchmark.load." + simulation, "-rf", results.toAbsolutePath().toString(), "-rd", sessions + " sessions"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.resolve(results.getFileName() + ".log").toFile())
                .start();
        process.waitFor();
        return GatlingReport.read(GatlingReport.newestRun(results));
    }

    // Slowest statements --------------------------------------------------------------------------

    private void slowest(Connection sql, AppUnderTest app) throws Exception {
        section("Slowest statements during the load");
        report.add("| Statement | Calls | Mean ms | Max ms | Total s |");
        report.add("|---|---|---|---|---|");
        try (var statement = sql.createStatement(); var rows = statement.executeQuery("""
                select regexp_replace(left(query, 160), '\\s+', ' ', 'g'), calls, mean_exec_time, max_exec_time, total_exec_time / 1000
                from pg_stat_statements where query not like '%pg_stat_statements%' order by total_exec_time desc limit 10""")) {
            while (rows.next()) {
                report.add("| `%s` | %d | %.2f | %.1f | %.1f |".formatted(rows.getString(1).replace("|", "\\|"), rows.getLong(2), rows.getDouble(3),
                        rows.getDouble(4), rows.getDouble(5)));
            }
        }
        report.add("");
        List<String> plans = app.slowPlans(3);
        say("Plans of the slowest single executions (auto_explain, EXPLAIN ANALYZE with BUFFERS, logged above %s):",
                AppUnderTest.SLOW_PLAN_THRESHOLD);
        for (String plan : plans) {
            report.add("");
            report.add("```");
            report.add(plan);
            report.add("```");
        }
        if (plans.isEmpty()) {
            say("None: no statement took that long.");
        }
    }

    // pgbench -------------------------------------------------------------------------------------

    private double tpcb;
    private String password;

    private void pgbench(ConfigurableApplicationContext app) throws Exception {
        section("PostgreSQL alone (pgbench)");
        String url = app.getEnvironment().getProperty("spring.datasource.url", "");
        Matcher port = Pattern.compile(":(\\d+)/").matcher(url);
        if (!port.find() || !Files.isExecutable(Path.of("/usr/bin/pgbench"))) {
            say("pgbench not run: no /usr/bin/pgbench, or not the embedded database (%s).", url);
            return;
        }
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        if (jdbc.sql("select count(*) from pg_database where datname = 'pgbench'").query(Long.class).single() == 0) {
            jdbc.sql("create database pgbench").update();
        }
        String[] connection = {"-h", "127.0.0.1", "-p", port.group(1), "-U", "postgres"};
        password = app.getEnvironment().getProperty("spring.datasource.password", "");
        pgbenchRun(List.of("-i", "-q", "-s", "10"), connection);
        int clients = Integer.getInteger("benchmark.pgbenchClients", 8);
        double select = pgbenchRun(List.of("-S", "-c", String.valueOf(clients), "-j", "2", "-T", "30"), connection);
        tpcb = pgbenchRun(List.of("-c", String.valueOf(clients), "-j", "2", "-T", "30"), connection);
        say("Scale 10, %d clients, 30 s each: select-only %.0f transactions/s, TPC-B %.0f transactions/s.", clients, select, tpcb);
    }

    private double pgbenchRun(List<String> options, String[] connection) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/pgbench"));
        command.addAll(List.of(connection));
        command.addAll(options);
        command.add("pgbench");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", password);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
        return tps.find() ? Double.parseDouble(tps.group(1)) : 0;
    }

    // Writes --------------------------------------------------------------------------------------

    private void writes(ConfigurableApplicationContext app, JdbcClient jdbc) throws Exception {
        section("Supports written");
        IdeaService ideas = app.getBean(IdeaService.class);
        int threads = Integer.getInteger("benchmark.writers", 8);
        int seconds = Integer.getInteger("benchmark.writeSeconds", 30);
        List<Long> residents = jdbc.sql("select id from account where email like 'resident%@bench.test' order by id").query(Long.class).list();
        List<Long> open = jdbc.sql("select id from idea where status in ('PUBLISHED', 'UNDER_REVIEW') and not hidden order by id")
                .query(Long.class).list();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Set<Long> touched = ConcurrentHashMap.newKeySet();
        AtomicLong given = new AtomicLong();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < until) {
                    long resident = residents.get(random.nextInt(residents.size()));
                    // a few ideas get most supports, as in the data set
                    long idea = open.get((int) (open.size() * Math.pow(random.nextDouble(), 3)));
                    ParticipeUser user = new ParticipeUser(resident, "bench", "Bench", "", true, false, Set.of(Roles.RESIDENT));
                    long start = System.nanoTime();
                    try {
                        RunAs.user(user, () -> ideas.support(idea));
                        given.incrementAndGet();
                        touched.add(idea);
                    } catch (RuntimeException refused) {
                        // an idea closed to support, or the author's own: not counted
                    }
                    latencies.add(System.nanoTime() - start);
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60, TimeUnit.SECONDS);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        long p95 = sorted.isEmpty() ? 0 : sorted.get((int) (sorted.size() * 0.95));
        long mismatched = touched.isEmpty() ? 0 : jdbc.sql("""
                select count(*) from idea_counts i where i.idea_id in (:ids) and i.support_count <> (select count(*) from support s where s.idea_id = i.idea_id)""")
                .param("ids", List.copyOf(touched)).query(Long.class).single();
        double rate = given.get() / (double) seconds;
        say("%d threads for %d s through IdeaService.support (a row, the count, the follow, the threshold check, in one transaction):"
                + " %.0f supports/s, p95 %.1f ms; %d ideas touched, %d whose count differs from its rows.", threads, seconds, rate,
                p95 / 1e6, touched.size(), mismatched);
        if (tpcb > 0) {
            say("That is %.0f %% of pgbench's TPC-B rate on the same PostgreSQL (goal ≥ 30 %%).", 100 * rate / tpcb);
        }
    }

    // Report --------------------------------------------------------------------------------------

    private void section(String title) {
        report.add("");
        report.add("## " + title);
        report.add("");
    }

    private void say(String format, Object... args) {
        report.add(format.formatted(args));
        System.out.println(format.formatted(args));
    }
}
