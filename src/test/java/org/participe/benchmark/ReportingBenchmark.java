package org.participe.benchmark;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.participe.Application;
import org.participe.reporting.ReportFilter;
import org.participe.reporting.ReportPeriod;
import org.participe.reporting.ReportingService;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.security.RunAs;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Measures the staff dashboard on a large town: 20,000 accounts, 100,000 ideas, 1,000,000
 * supports and 200,000 comments spread over two years, in an embedded PostgreSQL of its own
 * (target/benchmark-postgres), then the export of about 100,000 ideas (time and heap peak). Not a
 * test: run it by hand and read the figures it prints.
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
        // Arguments, not default properties: they must win over application.properties.
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .run("--participe.test-infrastructure.enabled=false", "--participe.embedded-db.data-dir=target/benchmark-postgres", "--participe.embedded-db.reset=" + !reuse,
                        "--participe.demo.enabled=false", "--server.port=0", "--logging.level.root=WARN")) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            long start = System.nanoTime();
            if (!reuse || jdbc.sql("select count(*) from support").query(Long.class).single() == 0) {
                seed(jdbc);
            }
            System.out.printf("Seeded in %.1f s: %s%n", (System.nanoTime() - start) / 1e9, jdbc.sql("""
                    select format('%s accounts, %s ideas, %s supports, %s comments', (select count(*) from account), (select count(*) from idea),
                                  (select count(*) from support), (select count(*) from comment))""").query(String.class).single());
            ReportingService reporting = context.getBean(ReportingService.class);
            Clock clock = context.getBean(Clock.class);
            ParticipeUser staff = new ParticipeUser(1, "staff@benchmark.test", "Staff", "", true, false, Set.of(Roles.STAFF));
            ReportPeriod year = ReportPeriod.last12Months(clock);
            ReportFilter all = ReportFilter.none();
            ReportFilter narrowed = new ReportFilter(jdbc.sql("select min(id) from neighbourhood").query(Long.class).single(),
                    jdbc.sql("select min(id) from category").query(Long.class).single());
            for (ReportFilter filter : List.of(all, narrowed)) {
                Map<String, Supplier<?>> calls = new LinkedHashMap<>();
                calls.put("figures (both periods)", () -> reporting.figures(year, filter));
                calls.put("weekly activity", () -> reporting.weeklyActivity(year, filter));
                calls.put("by neighbourhood", () -> reporting.byNeighbourhood(year, filter));
                calls.put("by category", () -> reporting.byCategory(year, filter));
                calls.put("status funnel", () -> reporting.statusFunnel(year, filter));
                calls.put("answer times", () -> reporting.answerTimes(year, filter));
                calls.put("representativeness", () -> reporting.representativeness(year, filter));
                System.out.println(filter.equals(all) ? "Last 12 months, whole town:" : "Last 12 months, one neighbourhood and one category:");
                double total = 0;
                for (var call : calls.entrySet()) {
                    double median = RunAs.user(staff, () -> median(call.getValue()));
                    total += median;
                    System.out.printf("  %-24s %7.1f ms%n", call.getKey(), median);
                }
                System.out.printf("  %-24s %7.1f ms (the dashboard's queries, one after another)%n", "total", total);
            }
            measureExports(reporting, clock, staff);
            holdWhileAsked(context);
        }
        System.exit(0); // the application's own threads would keep the JVM alive
    }

    /**
     * With {@code -Dbenchmark.hold=true}, keeps the seeded database running while the file
     * target/benchmark.hold exists, to study its queries with psql.
     */
    private static void holdWhileAsked(ConfigurableApplicationContext context) {
        if (!Boolean.getBoolean("benchmark.hold")) {
            return;
        }
        java.nio.file.Path hold = java.nio.file.Path.of("target/benchmark.hold");
        try {
            java.nio.file.Files.writeString(hold, context.getEnvironment().getProperty("spring.datasource.url", ""));
            System.out.println("Holding the database (" + java.nio.file.Files.readString(hold) + ") until " + hold + " is deleted");
            while (java.nio.file.Files.exists(hold)) {
                Thread.sleep(1000);
            }
        } catch (java.io.IOException | InterruptedException e) {
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
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(org.participe.base.TownZone.ZONE));
        for (org.participe.reporting.ExportFormat format : org.participe.reporting.ExportFormat.values()) {
            for (int days : new int[]{30, 365, 731}) {
                ReportPeriod period = new ReportPeriod(today.minusDays(days), today);
                System.gc();
                long before = usedHeap();
                long[] bytes = {0};
                long[] livePeak = {before};
                java.io.OutputStream counting = new java.io.OutputStream() {
                    @Override
                    public void write(int b) {
                        bytes[0]++;
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        bytes[0] += len;
                    }
                };
                var sampler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
                sampler.scheduleWithFixedDelay(() -> {
                    System.gc();
                    livePeak[0] = Math.max(livePeak[0], usedHeap());
                }, 200, 200, java.util.concurrent.TimeUnit.MILLISECONDS);
                long start = System.nanoTime();
                RunAs.user(staff, () -> reporting.export(org.participe.reporting.ExportKind.IDEAS, format, period, ReportFilter.none(),
                        key -> key, counting));
                double seconds = (System.nanoTime() - start) / 1e9;
                sampler.shutdown();
                try {
                    sampler.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
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

    /**
     * Bulk-loads the town with the activity triggers off (as a data import would), then builds the
     * daily rollup once, the way the migration does.
     */
    private static void seed(JdbcClient jdbc) {
        for (String table : List.of("idea disable trigger idea_activity", "support disable trigger support_activity",
                "comment disable trigger comment_activity", "idea disable trigger idea_participants",
                "support disable trigger support_participants", "comment disable trigger comment_participants")) {
            jdbc.sql("alter table " + table).update();
        }
        for (String sql : List.of(
                "insert into town_settings (id, name) values (1, 'Benchmark') on conflict do nothing",
                "insert into neighbourhood (name, position) select 'Quartier ' || n, n from generate_series(1, 6) n",
                "insert into category (name_fr, name_en, position) select 'Thème ' || n, 'Category ' || n, n from generate_series(1, 9) n",
                """
                insert into account (email, display_name, password_hash, neighbourhood_id, birth_year, sex, terms_accepted_at, email_confirmed_at, created_at)
                select 'person' || n || '@benchmark.test', 'Person ' || n, '{noop}x',
                       (select min(id) from neighbourhood) + n % 6, 1940 + n % 68, (array['FEMALE', 'MALE', 'OTHER'])[1 + n % 3],
                       now() - make_interval(days => n % 730), now() - make_interval(days => n % 730), now() - make_interval(days => n % 730)
                from generate_series(1, 20000) n""",
                "insert into account_role (account_id, role) select id, 'RESIDENT' from account",
                """
                insert into idea (author_id, title, description, category_id, neighbourhood_id, status, created_at, updated_at, published_at)
                select (select min(id) from account) + n % 20000, 'Idée numéro ' || n || ' pour la ville',
                       'Une description assez longue pour une idée de test numéro ' || n, (select min(id) from category) + n % 9,
                       case when n % 7 = 0 then null else (select min(id) from neighbourhood) + n % 6 end,
                       (array['PUBLISHED', 'PUBLISHED', 'PUBLISHED', 'UNDER_REVIEW', 'ACCEPTED', 'REJECTED', 'IN_PROGRESS', 'DONE'])[1 + n % 8],
                       now() - make_interval(days => n % 730, mins => n % 1440), now(), now() - make_interval(days => n % 730, mins => n % 1440)
                from generate_series(1, 100000) n""",
                """
                insert into support (idea_id, account_id, created_at)
                select i.first + n % 100000, a.first + ((n % 100000) * 13 + (n / 100000) * 2003) % 20000,
                       now() - make_interval(days => n % 700, mins => n % 1440)
                from generate_series(0, 999999) n, (select min(id) as first from idea) i, (select min(id) as first from account) a""",
                "update idea i set support_count = s.n from (select idea_id, count(*) as n from support group by idea_id) s where s.idea_id = i.id",
                """
                insert into comment (target_type, target_id, author_id, body, created_at)
                select 'IDEA', i.first + n % 100000, a.first + (n * 7) % 20000, 'Un commentaire de test numéro ' || n,
                       now() - make_interval(days => n % 700, mins => n % 1440)
                from generate_series(0, 199999) n, (select min(id) as first from idea) i, (select min(id) as first from account) a""",
                """
                insert into moderation_item (content_type, content_id, author_id, content_created_at, published_at, answerable, due_at, answered_at)
                select 'IDEA', i.id, i.author_id, i.created_at, i.published_at, true,
                       case when i.id % 3 = 0 then i.published_at + interval '30 days' end,
                       case when i.status <> 'PUBLISHED' then i.published_at + make_interval(days => (i.id % 60)::int) end
                from idea i""",
                "do $$ begin perform rebuild_activity_daily(); perform rebuild_participant_days(); end $$",
                "alter table idea enable trigger idea_activity",
                "alter table support enable trigger support_activity",
                "alter table comment enable trigger comment_activity",
                "alter table idea enable trigger idea_participants",
                "alter table support enable trigger support_participants",
                "alter table comment enable trigger comment_participants",
                // as autovacuum would have done on a database in use: index-only scans need the visibility map
                "vacuum analyze")) {
            jdbc.sql(sql).update();
        }
    }
}
