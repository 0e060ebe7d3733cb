package org.participe.benchmark;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.participe.Application;
import org.participe.base.TownZone;
import org.participe.reporting.ExportFormat;
import org.participe.reporting.ExportKind;
import org.participe.reporting.ReportFilter;
import org.participe.reporting.ReportPeriod;
import org.participe.reporting.ReportingService;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.security.RunAs;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Measures the staff dashboard on a {@link BenchData} data set ({@code -Dbenchmark.data=reporting},
 * the default: 20,000 accounts, 100,000 ideas, 1,000,000 supports and 200,000 comments over two
 * years; or {@code town}, {@code city}), in an embedded PostgreSQL of its own
 * (target/benchmark-postgres-&lt;data set&gt;), then exports of 30 days to two years of ideas (time and
 * live heap). Not a test: run it by hand and read the figures it prints.
 *
 * <pre>
 * mvn -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.participe.benchmark.ReportingBenchmark
 * </pre>
 * With {@code -Dbenchmark.reuse=true} a town seeded by an earlier run is measured again without
 * seeding it anew.
 */
public final class ReportingBenchmark {

    private ReportingBenchmark() {
    }

    public static void main(String[] args) {
        boolean reuse = Boolean.getBoolean("benchmark.reuse");
        BenchData data = BenchData.named(System.getProperty("benchmark.data", "reporting"));
        // Arguments, not default properties: they must win over application.properties.
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .run("--participe.test-infrastructure.enabled=false", "--participe.embedded-db.enabled=true",
                        "--participe.embedded-db.data-dir=target/benchmark-postgres-" + data.name().toLowerCase(Locale.ROOT),
                        "--participe.embedded-db.reset=" + !reuse, "--participe.demo.enabled=false", "--server.port=0",
                        "--logging.level.root=WARN")) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            long start = System.nanoTime();
            if (!data.loadedIn(jdbc)) {
                data.load(jdbc, context.getBean(PasswordEncoder.class).encode(BenchData.PASSWORD));
                System.out.printf("Loaded the %s data set in %.1f s%n", data, (System.nanoTime() - start) / 1e9);
            }
            System.out.println(BenchData.summary(jdbc));
            ReportingService reporting = context.getBean(ReportingService.class);
            Clock clock = context.getBean(Clock.class);
            ParticipeUser staff = new ParticipeUser(1, "staff@benchmark.test", "Staff", "", true, false, Set.of(Roles.STAFF));
            dashboard(context, System.out::println);
            measureExports(reporting, clock, staff);
            holdWhileAsked(context);
        }
        System.exit(0); // the application's own threads would keep the JVM alive
    }

    /**
     * Times each of the dashboard's queries for the last 12 months (median of 5 runs after 2),
     * for the whole town and for one neighbourhood and one category; tells each figure to
     * {@code out} and returns the two totals in milliseconds.
     */
    static double[] dashboard(ConfigurableApplicationContext context, Consumer<String> out) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        ReportingService reporting = context.getBean(ReportingService.class);
        ParticipeUser staff = new ParticipeUser(1, "staff@benchmark.test", "Staff", "", true, false, Set.of(Roles.STAFF));
        ReportPeriod year = ReportPeriod.last12Months(context.getBean(Clock.class));
        ReportFilter all = ReportFilter.none();
        ReportFilter narrowed = new ReportFilter(jdbc.sql("select min(id) from neighbourhood").query(Long.class).single(),
                jdbc.sql("select min(id) from category").query(Long.class).single());
        double[] totals = new double[2];
        for (ReportFilter filter : List.of(all, narrowed)) {
            Map<String, Supplier<?>> calls = new LinkedHashMap<>();
            calls.put("figures (both periods)", () -> reporting.figures(year, filter));
            calls.put("weekly activity", () -> reporting.weeklyActivity(year, filter));
            calls.put("by neighbourhood", () -> reporting.byNeighbourhood(year, filter));
            calls.put("by category", () -> reporting.byCategory(year, filter));
            calls.put("status funnel", () -> reporting.statusFunnel(year, filter));
            calls.put("answer times", () -> reporting.answerTimes(year, filter));
            calls.put("representativeness", () -> reporting.representativeness(year, filter));
            out.accept(filter.equals(all) ? "Last 12 months, whole town:" : "Last 12 months, one neighbourhood and one category:");
            double total = 0;
            for (var call : calls.entrySet()) {
                double median = RunAs.user(staff, () -> median(call.getValue()));
                total += median;
                out.accept("  %-24s %7.1f ms".formatted(call.getKey(), median));
            }
            out.accept("  %-24s %7.1f ms (the dashboard's queries, one after another)".formatted("total", total));
            totals[filter.equals(all) ? 0 : 1] = total;
        }
        return totals;
    }

    /**
     * With {@code -Dbenchmark.hold=true}, keeps the seeded database running while the file
     * target/benchmark.hold exists, to study its queries with psql.
     */
    private static void holdWhileAsked(ConfigurableApplicationContext context) {
        if (!Boolean.getBoolean("benchmark.hold")) {
            return;
        }
        Path hold = Path.of("target/benchmark.hold");
        try {
            Files.writeString(hold, context.getEnvironment().getProperty("spring.datasource.url", ""));
            System.out.println("Holding the database (" + Files.readString(hold) + ") until " + hold + " is deleted");
            while (Files.exists(hold)) {
                Thread.sleep(1000);
            }
        } catch (IOException | InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The median of 5 runs after 2 warm-up runs, in milliseconds. */
    private static double median(Supplier<?> call) {
        call.get();
        call.get();
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            call.get();
            times.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(times);
        return times.get(2);
    }

    /**
     * Exports the ideas of one month, one year and two years (about 4,000, 50,000 and 100,000) to a
     * stream that only counts bytes. Tells the time and the live heap during the export: a sampler
     * runs a full collection every 200 ms and records the heap left, so garbage does not count.
     * Constant memory means that live heap does not grow with the number of rows.
     */
    private static void measureExports(ReportingService reporting, Clock clock, ParticipeUser staff) {
        LocalDate today = LocalDate.now(clock.withZone(TownZone.zone()));
        for (ExportFormat format : ExportFormat.values()) {
            for (int days : new int[]{30, 365, 731}) {
                ReportPeriod period = new ReportPeriod(today.minusDays(days), today);
                System.gc();
                long before = usedHeap();
                long[] bytes = {0};
                long[] livePeak = {before};
                OutputStream counting = new OutputStream() {
                    @Override
                    public void write(int b) {
                        bytes[0]++;
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        bytes[0] += len;
                    }
                };
                var sampler = Executors.newSingleThreadScheduledExecutor();
                sampler.scheduleWithFixedDelay(() -> {
                    System.gc();
                    livePeak[0] = Math.max(livePeak[0], usedHeap());
                }, 200, 200, TimeUnit.MILLISECONDS);
                long start = System.nanoTime();
                RunAs.user(staff, () -> reporting.export(ExportKind.IDEAS, format, period, ReportFilter.none(),
                        key -> key, counting));
                double seconds = (System.nanoTime() - start) / 1e9;
                sampler.shutdown();
                try {
                    sampler.awaitTermination(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                System.out.printf("Export of the ideas of %3d days as %-4s: %5.1f s, %5.1f MB written, live heap %4.0f MB before, at most %4.0f MB during%n",
                        days, format, seconds, bytes[0] / 1e6, before / 1e6, livePeak[0] / 1e6);
            }
        }
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

}
