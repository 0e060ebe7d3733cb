package org.participe.base.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import org.participe.base.database.OneInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sliding-window rate limits kept in PostgreSQL, so that every app instance behind a load balancer
 * counts the same hits. A transaction-level advisory lock per bucket and subject makes the check
 * and the record atomic under concurrent requests.
 * <p>
 * The check joins the caller's transaction rather than opening one of its own: a request that
 * held one pooled connection and waited for a second one starved the pool under a burst (as many
 * requests as connections, each waiting for another), and every request then failed. Joined, the
 * hit commits with what it allowed (a refused or failed request is not counted), and the lock
 * makes further requests of the same subject wait until then, so the count stays exact.
 */
@Component
public class RateLimiter {

    private static final int SUBJECT_MAX = 120;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    RateLimiter(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a hit and answers true when it stays within {@code limit} hits per {@code window}. */
    @Transactional
    public boolean tryAcquire(String bucket, String rawSubject, int limit, Duration window) {
        String subject = storable(rawSubject);
        String key = bucket + ':' + subject;
        jdbc.query("select pg_advisory_xact_lock(hashtext(?))", rs -> { }, key);
        Instant now = clock.instant();
        Integer recent = jdbc.queryForObject(
                "select count(*) from rate_limit_hit where bucket = ? and subject = ? and occurred_at > ?",
                Integer.class, bucket, subject, Timestamp.from(now.minus(window)));
        if (recent != null && recent >= limit) {
            return false;
        }
        jdbc.update("insert into rate_limit_hit (bucket, subject, occurred_at) values (?, ?, ?)",
                bucket, subject, Timestamp.from(now));
        return true;
    }

    /**
     * A subject as its column holds it: a long one (an e-mail address may have 254 characters, the
     * column 120) is kept as its SHA-256, which counts the same hits without failing the insert.
     */
    static String storable(String subject) {
        if (subject.length() <= SUBJECT_MAX) {
            return subject;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Old hits serve no window; a day is longer than any limit we set. When several instances share
     * the database, the one that claims the job's advisory lock purges and the others skip.
     */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @Transactional
    public void purgeOldHits() {
        if (!OneInstance.claim(JdbcClient.create(jdbc), "rate-limit-purge")) {
            return;
        }
        jdbc.update("delete from rate_limit_hit where occurred_at < ?", Timestamp.from(clock.instant().minus(Duration.ofDays(2))));
    }
}
