package org.participe.initiatives.internal;

import java.util.Optional;

import org.participe.base.PhotoProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An initiative's cover image and its thumbnail ({@code initiative_cover}), kept apart from the initiative so that lists never read them. */
@Component
public class InitiativeCoverStore {

    private final JdbcClient jdbc;

    InitiativeCoverStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void replace(long initiativeId, PhotoProcessor.Processed cover) {
        jdbc.sql("delete from initiative_cover where initiative_id = ?").param(initiativeId).update();
        jdbc.sql("insert into initiative_cover (initiative_id, content, thumbnail) values (?, ?, ?)")
                .params(initiativeId, cover.photo(), cover.thumbnail()).update();
    }

    public Optional<byte[]> read(long initiativeId, boolean thumbnail) {
        return jdbc.sql("select " + (thumbnail ? "thumbnail" : "content") + " from initiative_cover where initiative_id = ?")
                .param(initiativeId).query(byte[].class).optional();
    }
}
