package org.participe.benchmark;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.sun.management.OperatingSystemMXBean;
import org.participe.base.database.EmbeddedDatabase;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application the load runs against, on the bench data directory, with PostgreSQL keeping
 * statement statistics and logging the plans of slow statements: by default in this JVM (Vaadin's
 * development mode, as the test classpath has it), or with {@code -Dbenchmark.jar=<production jar>}
 * in a process of its own, as it runs in production ({@code mvn -Pproduction -DskipTests package}).
 */
abstract class AppUnderTest implements AutoCloseable {

    static final String SLOW_PLAN_THRESHOLD = "100ms";
    /** PostgreSQL settings for the measurements: statement counts and times, and EXPLAIN ANALYZE of slow statements in the server log. */
    static final String SERVER_OPTIONS = "shared_preload_libraries=pg_stat_statements,auto_explain;pg_stat_statements.track_utility=off;"
            + "auto_explain.log_min_duration=" + SLOW_PLAN_THRESHOLD + ";auto_explain.log_analyze=on;auto_explain.log_buffers=on;"
            + "auto_explain.log_triggers=on;auto_explain.log_nested_statements=on;"
            + "logging_collector=on;log_directory=log;log_filename=postgresql.log";

    protected final String dataDir;

    AppUnderTest(String dataDir) {
        this.dataDir = dataDir;
    }

    static AppUnderTest start(String dataDir) throws Exception {
        String jar = System.getProperty("benchmark.jar");
        long logSize = Files.exists(Path.of(dataDir, "log", "postgresql.log")) ? Files.size(Path.of(dataDir, "log", "postgresql.log")) : 0;
        AppUnderTest app = jar == null ? new InThisJvm(dataDir) : new OwnProcess(dataDir, Path.of(jar));
        app.logStart = logSize;
        try (Connection sql = app.database(); var statement = sql.createStatement()) {
            statement.execute("create extension if not exists pg_stat_statements");
            statement.execute("select pg_stat_statements_reset()");
        }
        return app;
    }

    abstract String description();

    abstract double startupSeconds();

    abstract String baseUrl();

    /** Heap in use after full collections. */
    abstract long liveHeap() throws Exception;

    /** CPU time the application's process has used so far, in nanoseconds. */
    abstract long cpuNanos() throws Exception;

    abstract Connection database() throws SQLException;

    Path postgresLog() {
        return Path.of(dataDir, "log", "postgresql.log");
    }

    /** Where the server log stood when the application under test started: only what follows is its own. */
    private long logStart;

    /** The plans auto_explain logged while the application was under test, one per distinct query, slowest first. */
    List<String> slowPlans(int count) throws IOException {
        Path log = postgresLog();
        if (!Files.exists(log)) {
            return List.of();
        }
        String text;
        try (var file = new RandomAccessFile(log.toFile(), "r")) {
            file.seek(Math.min(logStart, file.length()));
            byte[] bytes = new byte[(int) (file.length() - file.getFilePointer())];
            file.readFully(bytes);
            text = new String(bytes, StandardCharsets.UTF_8);
        }
        return slowPlans(text.lines().toList(), count);
    }

    static List<String> slowPlans(List<String> lines, int count) {
        Pattern start = Pattern.compile("duration: ([0-9.]+) ms\\s+plan:");
        Map<String, Double> durations = new LinkedHashMap<>();
        Map<String, String> plans = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher matcher = start.matcher(lines.get(i));
            if (!matcher.find()) {
                continue;
            }
            StringBuilder plan = new StringBuilder("-- " + matcher.group(1) + " ms");
            String query = "";
            int j = i + 1;
            for (; j < lines.size() && (lines.get(j).startsWith("\t") || lines.get(j).startsWith(" ")); j++) {
                String line = lines.get(j).replaceFirst("^\t", "");
                if (line.startsWith("Query Text:")) {
                    query = line;
                }
                plan.append('\n').append(line);
            }
            double duration = Double.parseDouble(matcher.group(1));
            if (duration > durations.getOrDefault(query, -1.0)) {
                durations.put(query, duration);
                plans.put(query, plan.toString());
            }
            i = j - 1;
        }
        return durations.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(count)
                .map(entry -> plans.get(entry.getKey())).toList();
    }

    /** Development mode, in this JVM. */
    private static final class InThisJvm extends AppUnderTest {

        private final ConfigurableApplicationContext context;
        private final double startup;

        InThisJvm(String dataDir) {
            super(dataDir);
            long start = System.nanoTime();
            context = LoadBenchmark.start(dataDir, false);
            startup = (System.nanoTime() - start) / 1e9;
        }

        @Override
        String description() {
            return "The application (in the benchmark's JVM, Vaadin development mode)";
        }

        @Override
        double startupSeconds() {
            return startup;
        }

        @Override
        String baseUrl() {
            return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        }

        @Override
        long liveHeap() {
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }

        @Override
        long cpuNanos() {
            return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        }

        @Override
        Connection database() throws SQLException {
            return context.getBean(DataSource.class).getConnection();
        }

        @Override
        public void close() {
            context.close();
        }
    }

    /** The production jar in a process of its own. */
    private static final class OwnProcess extends AppUnderTest {

        private final Process process;
        private final double startup;
        private final int port;
        private final int databasePort;
        private final String databasePassword;
        private final Path jar;

        OwnProcess(String dataDir, Path jar) throws Exception {
            super(dataDir);
            this.jar = jar;
            // The production jar has no embedded PostgreSQL: it connects to the one this JVM already runs on the bench data.
            EmbeddedDatabase database = EmbeddedDatabase.start(new EmbeddedDatabase.Settings(dataDir, false, false, SERVER_OPTIONS));
            databasePort = database.port();
            databasePassword = database.password();
            try (var socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path log = Path.of("target/bench", "app-" + port + ".log");
            Files.createDirectories(log.getParent());
            List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-Xmx" + System.getProperty("benchmark.appHeap", "2g"), "-jar", jar.toString(),
                    "--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + EmbeddedDatabase.USER,
                    "--participe.demo.enabled=false", "--server.port=" + port, "--participe.bench.endpoint=true",
                    "--spring.datasource.hikari.maximum-pool-size=" + Integer.getInteger("benchmark.pool", 20));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("SPRING_DATASOURCE_PASSWORD", databasePassword);
            process = builder.start();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            Double started = null;
            while (started == null && System.nanoTime() < deadline && process.isAlive()) {
                Thread.sleep(500);
                Matcher ready = Pattern.compile("Started Application in ([0-9.]+) seconds").matcher(Files.readString(log));
                started = ready.find() ? Double.valueOf(ready.group(1)) : null;
            }
            if (started == null) {
                process.destroyForcibly();
                throw new IllegalStateException("The application did not start; see " + log);
            }
            startup = started;
        }

        @Override
        String description() {
            return "The production jar (" + jar.getFileName() + ", its own process)";
        }

        @Override
        double startupSeconds() {
            return startup;
        }

        @Override
        String baseUrl() {
            return "http://127.0.0.1:" + port;
        }

        @Override
        long liveHeap() throws Exception {
            String jcmd = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd").toString();
            for (int i = 0; i < 3; i++) {
                new ProcessBuilder(jcmd, String.valueOf(process.pid()), "GC.run").redirectErrorStream(true).start().waitFor();
            }
            Process info = new ProcessBuilder(jcmd, String.valueOf(process.pid()), "GC.heap_info").redirectErrorStream(true).start();
            String text = new String(info.getInputStream().readAllBytes());
            info.waitFor();
            Matcher used = Pattern.compile("heap.*?used (\\d+)K").matcher(text);
            if (!used.find()) {
                throw new IllegalStateException("jcmd GC.heap_info said: " + text);
            }
            return Long.parseLong(used.group(1)) * 1024;
        }

        /** utime + stime of /proc/&lt;pid&gt;/stat, in clock ticks of 10 ms. */
        @Override
        long cpuNanos() throws IOException {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
        }

        @Override
        Connection database() throws SQLException {
            return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + databasePort + "/participe", EmbeddedDatabase.USER,
                    databasePassword);
        }

        @Override
        public void close() throws Exception {
            process.destroy(); // SIGTERM: a graceful shutdown; PostgreSQL stops with this JVM
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
