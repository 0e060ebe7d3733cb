package org.participe.base.ratelimit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
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

    private final JdbcTemplate jdbc;
    private final Clock clock;

    RateLimiter(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a hit and answers true when it stays within {@code limit} hits per {@code window}. */
    @Transactional
    public boolean tryAcquire(String bucket, String subject, int limit, Duration window) {
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

    /** Old hits serve no window; a day is longer than any limit we set. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @Transactional
    public void purgeOldHits() {
        jdbc.update("delete from rate_limit_hit where occurred_at < ?", Timestamp.from(clock.instant().minus(Duration.ofDays(2))));
    }
}
