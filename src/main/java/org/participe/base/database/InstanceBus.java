package org.participe.base.database;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Small messages between the application instances that share the database, over PostgreSQL's
 * {@code LISTEN/NOTIFY}: no broker besides the database we already have.
 * <p>
 * {@link #publish} sends {@code NOTIFY} on the caller's connection: inside a transaction PostgreSQL
 * delivers it when the transaction commits (never after a rollback), outside one at once. This
 * instance's own subscribers are called directly, after the commit, in the publishing thread (as
 * before the bus existed, and whether or not the listening connection is up at that moment); the
 * copy that PostgreSQL echoes back to this instance is recognised by the instance id at the start
 * of its payload and dropped, so each message reaches each instance once.
 * <p>
 * The listening side is one JDBC connection per instance, opened with the driver and not taken
 * from the pool: a pooled connection held for the application's lifetime would make the pool one
 * smaller for requests, could be handed back closed by the pool's own housekeeping, and could not
 * be opened at all while the pool is exhausted, which is exactly when requests are busiest. One
 * daemon thread {@code LISTEN}s on it and waits for notifications; when the connection is lost (the
 * database restarted, the backend was terminated) it reconnects with growing back-off and then
 * tells the {@link #onPossiblyMissed subscribers} that messages may have been missed meanwhile,
 * so that caches reload. Messages from other instances are handed to their subscribers on
 * virtual threads, so that a slow one (a page refresh) delays no other.
 * <p>
 * Payloads are ids and small JSON, never personal data beyond ids: they pass through PostgreSQL's
 * notification queue and its logs. PostgreSQL refuses payloads of 8000 bytes or more; so does
 * {@link #publish}, with a clear exception, before sending anything.
 */
@Component
public class InstanceBus implements SmartLifecycle {

    /** PostgreSQL's limit is 8000 bytes, the instance id and separator included. */
    public static final int MAX_PAYLOAD_BYTES = 7999;
    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Log log = LogFactory.getLog(InstanceBus.class);
    private static final Duration WAIT = Duration.ofMillis(500);
    /** A connection silent this long is asked a question, so that a half-open one is noticed. */
    private static final Duration CHECK_AFTER = Duration.ofSeconds(15);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);
    /** How long {@link #publishKeysSoon} gathers keys before telling the other instances. */
    static final Duration GATHER_FOR = Duration.ofMillis(100);

    private final JdbcClient jdbc;
    private final String url;
    private final String username;
    private final String password;
    private final String instanceId = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final Map<String, List<Consumer<String>>> subscribers = new ConcurrentHashMap<>();
    private final Set<String> listening = ConcurrentHashMap.newKeySet();
    private final List<Runnable> missedListeners = new CopyOnWriteArrayList<>();
    private volatile ExecutorService deliveries;
    /** What {@link #publishKeysSoon} gathered per channel, and the thread that sends it. */
    private final Map<String, Set<String>> gathered = new ConcurrentHashMap<>();
    private final AtomicBoolean gatheredSendScheduled = new AtomicBoolean();
    private volatile ScheduledExecutorService gatherer;
    private volatile boolean running;
    private volatile Thread listener;
    private volatile Connection connection;
    /** Whether this bus listened before: messages sent while it did not were missed. */
    private volatile boolean everConnected;

    @Autowired
    InstanceBus(JdbcClient jdbc, Environment environment) {
        this(jdbc, environment.getProperty("spring.datasource.url"), environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"));
    }

    /** A bus on the given database (the application's own comes from its datasource settings). */
    public InstanceBus(JdbcClient jdbc, String url, String username, String password) {
        this.jdbc = jdbc;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    /** This instance's id, at the start of every payload it sends. */
    public String instanceId() {
        return instanceId;
    }

    /** Calls {@code subscriber} with the payload of every message on {@code channel}, from any instance. */
    public void subscribe(String channel, Consumer<String> subscriber) {
        requireChannel(channel);
        subscribers.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(subscriber);
    }

    /**
     * Calls {@code action} after the listening connection was lost and opened again: messages sent
     * meanwhile by other instances never arrived here.
     */
    public void onPossiblyMissed(Runnable action) {
        missedListeners.add(action);
    }

    /** Sends to every instance, this one included (once the current transaction commits). */
    public void publish(String channel, String payload) {
        send(channel, payload);
        AfterCommit.run(() -> deliver(channel, payload));
    }

    /** Sends to every other instance (once the current transaction commits); this one's subscribers are not called. */
    public void publishToOtherInstances(String channel, String payload) {
        send(channel, payload);
    }

    /**
     * Tells every instance about {@code keys} (ids, without commas), gathered rather than one
     * message per change: this instance's subscribers get them once the current transaction
     * commits (at once outside one), the other instances within {@link #GATHER_FOR}, as few
     * {@code NOTIFY}s as the payload limit allows, sent on a connection of their own outside any
     * transaction. For what changes often (a support, a comment, a notification): the writer's
     * transaction runs no statement more, and does not queue at its commit behind PostgreSQL's
     * notification lock, which serialises the commits of every transaction that ran a
     * {@code NOTIFY}. A subscriber of such a channel receives the keys joined by commas.
     */
    public void publishKeysSoon(String channel, Collection<String> keys) {
        requireChannel(channel);
        if (keys.isEmpty()) {
            return;
        }
        List<String> copy = List.copyOf(keys);
        AfterCommit.run(() -> {
            deliver(channel, String.join(",", copy));
            gathered.computeIfAbsent(channel, c -> ConcurrentHashMap.newKeySet()).addAll(copy);
            ScheduledExecutorService sender = gatherer;
            // Not started (or stopped): kept for the next send.
            if (sender != null && gatheredSendScheduled.compareAndSet(false, true)) {
                sender.schedule(this::sendGathered, GATHER_FOR.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    /** Sends what {@link #publishKeysSoon} gathered, to the other instances. */
    private void sendGathered() {
        gatheredSendScheduled.set(false);
        for (Map.Entry<String, Set<String>> channel : gathered.entrySet()) {
            int room = MAX_PAYLOAD_BYTES - instanceId.length() - 1;
            StringBuilder keys = new StringBuilder();
            for (Iterator<String> it = channel.getValue().iterator(); it.hasNext(); ) {
                String key = it.next();
                it.remove();
                if (!keys.isEmpty() && keys.length() + 1 + key.length() > room) {
                    sendQuietly(channel.getKey(), keys.toString());
                    keys.setLength(0);
                }
                keys.append(keys.isEmpty() ? "" : ",").append(key);
            }
            if (!keys.isEmpty()) {
                sendQuietly(channel.getKey(), keys.toString());
            }
        }
    }

    private void sendQuietly(String channel, String payload) {
        try {
            send(channel, payload);
        } catch (RuntimeException e) {
            log.warn("Instance bus " + instanceId + " could not tell the other instances on " + channel + " (" + e.getMessage() + ")");
        }
    }

    private void send(String channel, String payload) {
        requireChannel(channel);
        String message = instanceId + ":" + payload;
        int bytes = message.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("A message on channel '" + channel + "' would take " + bytes
                    + " bytes; PostgreSQL's NOTIFY takes at most " + MAX_PAYLOAD_BYTES + " (instance id included): send ids, in several messages if need be");
        }
        jdbc.sql("select pg_notify(?, ?)").param(channel).param(message).query((rs, n) -> 1).list();
    }

    private static void requireChannel(String channel) {
        if (channel == null || !CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("A channel name is lower-case letters, digits and _, starting with a letter, at most 63: " + channel);
        }
    }

    private void deliver(String channel, String payload) {
        for (Consumer<String> subscriber : subscribers.getOrDefault(channel, List.of())) {
            try {
                subscriber.accept(payload);
            } catch (RuntimeException e) {
                log.warn("A subscriber of channel " + channel + " failed", e);
            }
        }
    }

    // The listening connection ----------------------------------------------------------------

    @Override
    public void start() {
        deliveries = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("instance-bus-delivery").factory());
        gatherer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("instance-bus-gatherer").factory());
        running = true;
        if (everConnected) {
            // Started again after a stop: what was sent meanwhile never arrived. Reloaded before
            // anything is served again (the listening thread tells them once more when it listens).
            missedListeners.forEach(this::runQuietly);
        }
        Thread thread = Thread.ofPlatform().daemon().name("instance-bus-" + instanceId).unstarted(this::listen);
        listener = thread;
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeQuietly();
        deliveries.shutdown();
        ScheduledExecutorService sender = gatherer;
        gatherer = null;
        if (sender != null) {
            sender.shutdown();
            sendGathered();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Starts before the web server takes requests and stops after it has let the last ones finish
     * (its phases are {@code DEFAULT_PHASE - 1024} and {@code - 2048}), so that open pages hear
     * of other instances' changes for as long as they are served.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    /** Whether the listening connection is open and listens on every channel subscribed to. */
    public boolean isListening() {
        return connection != null && listening.containsAll(subscribers.keySet());
    }

    private void listen() {
        Duration retry = FIRST_RETRY;
        while (running) {
            try {
                connect();
                if (everConnected) { // a lost connection, or a stop and a start (Spring's test contexts pause when unused)
                    log.info("Instance bus " + instanceId + " listens again; subscribers reload what they keep");
                    missedListeners.forEach(action -> deliveries.execute(() -> runQuietly(action)));
                } else {
                    log.info("Instance bus " + instanceId + " listens on " + listening);
                }
                everConnected = true;
                retry = FIRST_RETRY;
                receive();
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    break;
                }
                log.warn("Instance bus " + instanceId + " lost its connection (" + e.getMessage() + "); trying again in " + retry.toMillis() + " ms");
            } finally {
                closeQuietly();
            }
            try {
                Thread.sleep(retry);
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            }
            retry = retry.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : retry.multipliedBy(2);
        }
    }

    private void connect() throws SQLException {
        Properties properties = new Properties();
        if (username != null) {
            properties.setProperty("user", username);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "participe-bus-" + instanceId);
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "30");
        Connection opened = DriverManager.getConnection(url, properties);
        opened.setAutoCommit(true);
        listening.clear();
        try {
            listenToNewChannels(opened);
        } catch (SQLException e) {
            opened.close();
            throw e;
        }
        connection = opened;
    }

    private void receive() throws SQLException {
        Connection current = connection;
        PGConnection pg = current.unwrap(PGConnection.class);
        long quietSince = System.nanoTime();
        while (running) {
            listenToNewChannels(current);
            PGNotification[] notifications = pg.getNotifications((int) WAIT.toMillis());
            if (notifications != null && notifications.length > 0) {
                quietSince = System.nanoTime();
                for (PGNotification notification : notifications) {
                    received(notification.getName(), notification.getParameter());
                }
            } else if (System.nanoTime() - quietSince > CHECK_AFTER.toNanos()) {
                try (Statement statement = current.createStatement()) {
                    statement.execute("select 1");
                }
                quietSince = System.nanoTime();
            }
            if (Thread.interrupted() && !running) {
                return;
            }
        }
    }

    /** Channels subscribed to after the connection opened are listened to by the listening thread itself. */
    private void listenToNewChannels(Connection current) throws SQLException {
        for (String channel : subscribers.keySet()) {
            if (!listening.contains(channel)) {
                try (Statement statement = current.createStatement()) {
                    statement.execute("listen \"" + channel + "\"");
                }
                listening.add(channel);
            }
        }
    }

    private void received(String channel, String message) {
        int separator = message.indexOf(':');
        if (separator < 0) {
            log.warn("Instance bus: a message without sender on channel " + channel + " is ignored");
            return;
        }
        if (message.substring(0, separator).equals(instanceId)) {
            return; // delivered here directly after the commit
        }
        String payload = message.substring(separator + 1);
        for (Consumer<String> subscriber : subscribers.getOrDefault(channel, List.of())) {
            deliveries.execute(() -> {
                try {
                    subscriber.accept(payload);
                } catch (RuntimeException e) {
                    log.warn("A subscriber of channel " + channel + " failed", e);
                }
            });
        }
    }

    private void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.warn("A subscriber failed to reload after the instance bus reconnected", e);
        }
    }

    private void closeQuietly() {
        Connection current = connection;
        connection = null;
        if (current != null) {
            try {
                current.close();
            } catch (SQLException ignored) {
                // already gone: nothing to release
            }
        }
    }
}
