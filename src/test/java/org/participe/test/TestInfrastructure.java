package org.participe.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * What every test context shares, started once per test JVM: a real PostgreSQL (Testcontainers'
 * when a Docker engine answers, otherwise the embedded one, never skipped) and a real SMTP
 * server in-process (GreenMail) that receives every e-mail the application sends.
 */
public class TestInfrastructure implements EnvironmentPostProcessor, Ordered {

    private static final String INLINED_TEST_PROPERTIES = "Inlined Test Properties";
    private static PostgreSQLContainer container;
    private static GreenMail greenMail;
    private static Boolean dockerAvailable;

    @Override
    public synchronized void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("participe.test-infrastructure.enabled", Boolean.class, true)) {
            return; // a benchmark on the test classpath, with a database of its own
        }
        Map<String, Object> properties = new HashMap<>();
        if (dockerAvailable()) {
            if (container == null) {
                container = new PostgreSQLContainer("postgres:17-alpine");
                container.start();
                System.out.println("Tests use PostgreSQL from Testcontainers: " + container.getJdbcUrl());
            }
            properties.put("spring.datasource.url", container.getJdbcUrl());
            properties.put("spring.datasource.username", container.getUsername());
            properties.put("spring.datasource.password", container.getPassword());
        } else {
            properties.put("participe.embedded-db.ephemeral", "true");
        }
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", String.valueOf(mail().getSmtp().getPort()));
        properties.put("participe.demo.enabled", "false");
        properties.put("participe.accounts.signups-per-address-per-hour", "1000");
        // Every test signs in from 127.0.0.1 into one shared database: the per-address and overall
        // sign-in limits are tested by LoginLimitsIT with addresses of its own.
        properties.put("participe.accounts.login-failures-per-address", "100000");
        properties.put("participe.accounts.login-failures-overall", "100000");
        properties.put("participe.ideas.per-day", "1000");
        properties.put("participe.comments.per-hour", "1000");
        properties.put("vaadin.launch-browser", "false");
        // Mails leave when their transaction commits (a nudge) and when a retry is due: a long poll
        // interval makes a test fail if a nudge goes missing; short retries keep outage tests quick.
        properties.put("participe.mail.outbox.poll-interval", "10m");
        properties.put("participe.mail.outbox.retry-first", "300ms");
        properties.put("participe.mail.outbox.retry-longest", "2s");
        // Below a test's own properties (@SpringBootTest(properties = ...)), above the application's files.
        var source = new MapPropertySource("participeTestInfrastructure", properties);
        if (environment.getPropertySources().contains(INLINED_TEST_PROPERTIES)) {
            environment.getPropertySources().addAfter(INLINED_TEST_PROPERTIES, source);
        } else {
            environment.getPropertySources().addFirst(source);
        }
    }

    private static boolean dockerAvailable() {
        if (dockerAvailable == null) {
            try {
                dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException e) {
                dockerAvailable = false;
            }
            if (!dockerAvailable) {
                System.out.println("No Docker engine answers: tests use the embedded PostgreSQL");
            }
        }
        return dockerAvailable;
    }

    /** The SMTP server every e-mail of the test run goes to. */
    public static synchronized GreenMail mail() {
        if (greenMail == null) {
            // A fixed port, so that a test can stop the server and start it again where the application expects it.
            greenMail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop, "greenmail-stop"));
        }
        return greenMail;
    }

    /** An SMTP outage: the port refuses connections until {@link #startMail()}. Mails received so far are kept. */
    public static synchronized void stopMail() {
        mail().stop();
    }

    public static synchronized void startMail() {
        mail().start();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }
}
