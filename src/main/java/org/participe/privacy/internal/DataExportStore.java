package org.participe.privacy.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.participe.privacy.DataExport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The links to a copy of one's data ({@code data_export}): whose each is, until when, how often it was downloaded. */
@Component
public class DataExportStore {

    private final JdbcClient jdbc;

    DataExportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new link for the account, valid from {@code now} until {@code expiresAt}; its id is the secret of the link. */
    public UUID add(long accountId, Instant now, Instant expiresAt) {
        return jdbc.sql("insert into data_export (account_id, created_at, expires_at) values (?, ?, ?) returning id")
                .params(accountId, Timestamp.from(now), Timestamp.from(expiresAt)).query(UUID.class).single();
    }

    /** The account's links still valid at {@code now}, newest first. */
    public List<DataExport> validOf(long accountId, Instant now) {
        return jdbc.sql("""
                        select id, created_at, expires_at, downloads from data_export
                        where account_id = ? and expires_at > ? order by created_at desc""")
                .params(accountId, Timestamp.from(now))
                .query((rs, n) -> new DataExport(rs.getObject("id", UUID.class), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant(), rs.getInt("downloads")))
                .list();
    }

    /** The account the link belongs to, if it is {@code accountId}'s and still valid at {@code now}. */
    public Optional<Long> ownerIfValid(UUID exportId, long accountId, Instant now) {
        return jdbc.sql("select account_id from data_export where id = ? and account_id = ? and expires_at > ?")
                .params(exportId, accountId, Timestamp.from(now))
                .query(Long.class).optional();
    }

    public void countDownload(UUID exportId) {
        jdbc.sql("update data_export set downloads = downloads + 1 where id = ?").param(exportId).update();
    }

    public void removeAllOf(long accountId) {
        jdbc.sql("delete from data_export where account_id = ?").param(accountId).update();
    }
}
