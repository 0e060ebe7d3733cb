package org.participe.ideas.internal;

import java.util.Optional;

import org.participe.base.PhotoProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An idea's photo and its thumbnail, kept apart from the idea so that lists never read them. */
@Component
public class IdeaPhotoStore {

    private final JdbcClient jdbc;

    IdeaPhotoStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void save(long ideaId, PhotoProcessor.Processed photo) {
        jdbc.sql("insert into idea_photo (idea_id, content, content_type, thumbnail) values (?, ?, 'image/jpeg', ?)")
                .params(ideaId, photo.photo(), photo.thumbnail()).update();
    }

    public void replace(long ideaId, PhotoProcessor.Processed photo) {
        jdbc.sql("delete from idea_photo where idea_id = ?").param(ideaId).update();
        save(ideaId, photo);
    }

    public Optional<byte[]> read(long ideaId, boolean thumbnail) {
        return jdbc.sql("select " + (thumbnail ? "thumbnail" : "content") + " from idea_photo where idea_id = ?")
                .param(ideaId).query(byte[].class).optional();
    }
}
