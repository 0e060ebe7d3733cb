package org.participe.base.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hourly purge of old rate-limit hits runs on one instance at a time: while another instance
 * holds the job's advisory lock (here a connection of the test), this one skips it.
 */
@SpringBootTest
class RateLimitPurgeOnceIT {

    @Autowired RateLimiter limiter;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;

    @Test
    void anInstanceSkipsThePurgeWhileAnotherRunsIt() throws Exception {
        String subject = "purge-once-" + System.nanoTime();
        jdbc.update("insert into rate_limit_hit (bucket, subject, occurred_at) values ('purge-test', ?, ?)",
                subject, Timestamp.from(Instant.now().minus(Duration.ofDays(3))));

        try (Connection otherInstance = dataSource.getConnection(); var statement = otherInstance.createStatement()) {
            statement.execute("select pg_advisory_lock(hashtext('participe-rate-limit-purge'))");
            limiter.purgeOldHits();
            assertThat(count(subject)).as("skipped while the other instance holds the job").isEqualTo(1);
            statement.execute("select pg_advisory_unlock(hashtext('participe-rate-limit-purge'))");
        }

        limiter.purgeOldHits();
        assertThat(count(subject)).isZero();
    }

    private int count(String subject) {
        return jdbc.queryForObject("select count(*) from rate_limit_hit where subject = ?", Integer.class, subject);
    }
}
