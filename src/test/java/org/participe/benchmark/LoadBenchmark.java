package org.participe.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.participe.Application;
import org.participe.ideas.IdeaService;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.security.RunAs;
import org.participe.test.StatementCounter;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

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
        try {
            new LoadBenchmark(data).run(levels);
        } finally {
            System.exit(0); // the application's own threads would keep the JVM alive
        }
    }

    private double loadSeconds = -1;

    private void run(int[] levels) throws Exception {
        Files.createDirectories(out);
        String dataDir = "target/benchmark-postgres-" + data.name().toLowerCase(Locale.ROOT);
        boolean fresh = !Files.exists(Path.of(dataDir, "PG_VERSION"));
        if (fresh || Boolean.getBoolean("benchmark.reload")) {
            try (ConfigurableApplicationContext loading = start(dataDir, true)) {
                long start = System.nanoTime();
                JdbcClient jdbc = loading.getBean(JdbcClient.class);
                data.load(jdbc, loading.getBean(org.springframework.security.crypto.password.PasswordEncoder.class).encode(BenchData.PASSWORD));
                loadSeconds = (System.nanoTime() - start) / 1e9;
            }
        }
        long startedAt = System.nanoTime();
        try (ConfigurableApplicationContext app = start(dataDir, false)) {
            double startup = (System.nanoTime() - startedAt) / 1e9;
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port", "0"));
            String base = "http://127.0.0.1:" + port;
            header(jdbc);
            section("Start-up");
            say("Started in %.1f s (Spring, Flyway validation, Vaadin, the embedded PostgreSQL already holding the data); live heap after start: %.0f MB.",
                    startup, liveHeap() / 1e6);
            statementsPerPage(jdbc, base);
            memoryPerUi(jdbc, base);
            underLoad(jdbc, base, levels);
            pgbench(app);
            writes(app, jdbc);
            section("Dashboard (reporting)");
            report.add("```");
            double[] totals = ReportingBenchmark.dashboard(app, report::add);
            report.add("```");
            say("Goal ≤ 200 ms: whole town %.0f ms, filtered %.0f ms.", totals[0], totals[1]);
        } finally {
            Files.write(out.resolve("REPORT.md"), report);
            System.out.println(String.join("\n", report));
            System.out.println("Report: " + out.resolve("REPORT.md").toAbsolutePath());
        }
    }

    private static ConfigurableApplicationContext start(String dataDir, boolean reset) {
        // Arguments, not default properties: they must win over application.properties.
        return new SpringApplicationBuilder(Application.class).run("--participe.test-infrastructure.enabled=false",
                "--participe.embedded-db.data-dir=" + dataDir, "--participe.embedded-db.reset=" + reset, "--participe.demo.enabled=false",
                "--server.port=0", "--logging.level.root=WARN", "--participe.bench.endpoint=true",
                "--spring.datasource.hikari.maximum-pool-size=" + Integer.getInteger("benchmark.pool", 20));
    }

    private void header(JdbcClient jdbc) {
        report.add("# Participe benchmark: data set " + data.name().toLowerCase(Locale.ROOT));
        report.add("");
        report.add("- Date: " + LocalDate.now() + "; machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
                + ManagementFactory.getOperatingSystemMXBean().getArch() + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20)
                + " MiB, Java " + Runtime.version() + ".");
        report.add("- Data: " + BenchData.summary(jdbc) + (loadSeconds < 0 ? " (loaded by an earlier run)."
                : "; loaded in %.0f s.".formatted(loadSeconds)));
        report.add("- The application runs in Vaadin's development mode (the test classpath): its answers carry debug information.");
        report.add("- Everything on this machine: the application and PostgreSQL (" + jdbc.sql("show server_version").query(String.class).single()
                + ") here, Gatling in a second JVM, over loopback.");
    }

    // Statements per page -------------------------------------------------------------------------

    private void statementsPerPage(JdbcClient jdbc, String base) throws Exception {
        section("SQL statements per page");
        report.add("| Page | Statements (drawing it, quiet server) |");
        report.add("|---|---|");
        List<String[]> pages = new ArrayList<>();
        pages.add(new String[]{"ideas list (newest)", "ideas"});
        pages.add(new String[]{"ideas list, sorted and searched", "ideas?sort=SUPPORTED&q=quartier"});
        for (String[] idea : List.of(
                new String[]{"idea page, no comment", "select id from idea where comment_count = 0 and status <> 'WITHDRAWN' order by id limit 1"},
                new String[]{"idea page, median comments", "select id from idea order by comment_count, id offset (select count(*) / 2 from idea) limit 1"},
                new String[]{"idea page, most discussed", "select id from idea order by comment_count desc, id limit 1"})) {
            long id = jdbc.sql(idea[1]).query(Long.class).single();
            long comments = jdbc.sql("select comment_count from idea where id = ?").param(id).query(Long.class).single();
            pages.add(new String[]{idea[0] + " (" + comments + " comments)", "ideas/" + id});
        }
        for (String[] page : pages) {
            try (PageClient warm = new PageClient(base)) {
                warm.open(page[1]);
            }
            long before = StatementCounter.total();
            try (PageClient client = new PageClient(base)) {
                client.open(page[1]);
            }
            report.add("| " + page[0] + " | " + (StatementCounter.total() - before) + " |");
        }
    }

    // Memory per UI -------------------------------------------------------------------------------

    private void memoryPerUi(JdbcClient jdbc, String base) throws Exception {
        int count = Integer.getInteger("benchmark.uis", 200);
        section("Live heap per open UI");
        report.add("| Page | Open UIs | Live heap with none | With them | Per UI |");
        report.add("|---|---|---|---|---|");
        long idea = jdbc.sql("select id from idea order by comment_count, id offset (select count(*) / 2 from idea) limit 1").query(Long.class).single();
        for (String route : List.of("ideas", "ideas/" + idea)) {
            long none = liveHeap();
            List<PageClient> open = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                PageClient client = new PageClient(base);
                client.open(route);
                open.add(client);
            }
            long with = liveHeap();
            report.add("| %s | %d | %.1f MB | %.1f MB | %.0f KB |".formatted(route, count, none / 1e6, with / 1e6, (with - none) / 1e3 / count));
            for (PageClient client : open) {
                client.close();
            }
        }
        say("Each UI is a separate session, opened as a browser does (initial request, then the drawn navigation), measured after full"
                + " collections; the goal is at most 150 KB per UI on the list.");
    }

    /** Heap in use after a full collection (a few rounds, so that finalizable garbage goes too). */
    private static long liveHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    // Pages under load ----------------------------------------------------------------------------

    private void underLoad(JdbcClient jdbc, String base, int[] levels) throws Exception {
        section("Pages under load");
        int think = Integer.getInteger("load.thinkMillis", 3000);
        int ramp = Integer.getInteger("load.rampSeconds", 20);
        int hold = Integer.getInteger("load.holdSeconds", 60);
        say("Closed model: each session loops over its journey (70 %% visitors, 25 %% residents, 5 %% officials) with %d ms of think time"
                + " on average between steps; %d s of ramp, then %d s held. Times are per request, in milliseconds; a page is its"
                + " initial request and its drawn navigation. Baseline: as many sessions reading one idea by id from a bare JDBC"
                + " endpoint of the same application, with the same think time.", think, ramp, hold);
        long firstIdea = jdbc.sql("select min(id) from idea").query(Long.class).single();
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

    // pgbench -------------------------------------------------------------------------------------

    private double tpcb;

    private void pgbench(ConfigurableApplicationContext app) throws Exception {
        section("PostgreSQL alone (pgbench)");
        String url = app.getEnvironment().getProperty("spring.datasource.url", "");
        java.util.regex.Matcher port = java.util.regex.Pattern.compile(":(\\d+)/").matcher(url);
        if (!port.find() || !Files.isExecutable(Path.of("/usr/bin/pgbench"))) {
            say("pgbench not run: no /usr/bin/pgbench, or not the embedded database (%s).", url);
            return;
        }
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        if (jdbc.sql("select count(*) from pg_database where datname = 'pgbench'").query(Long.class).single() == 0) {
            jdbc.sql("create database pgbench").update();
        }
        String[] connection = {"-h", "127.0.0.1", "-p", port.group(1), "-U", "postgres"};
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
        builder.environment().put("PGPASSWORD", "postgres");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        java.util.regex.Matcher tps = java.util.regex.Pattern.compile("tps = ([0-9.]+)").matcher(output);
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
        Set<Long> touched = java.util.concurrent.ConcurrentHashMap.newKeySet();
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
                select count(*) from idea i where i.id in (:ids) and i.support_count <> (select count(*) from support s where s.idea_id = i.id)""")
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
