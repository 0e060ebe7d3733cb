package org.participe.initiatives.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.participe.base.PhotoProcessor;
import org.participe.initiatives.InitiativeUpdate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An initiative's dated updates ({@code initiative_update}) and their images
 * ({@code initiative_update_image}, kept apart so that the list of updates never reads them).
 */
@Component
public class InitiativeUpdateStore {

    private final JdbcClient jdbc;

    InitiativeUpdateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new update by {@code author} in {@code lang}; with an image, its description (else null), the image itself saved apart. */
    public long add(long initiativeId, String title, String body, long author, boolean hasImage, String imageDescription, Instant at, String lang) {
        return jdbc.sql("""
                        insert into initiative_update (initiative_id, title, body, author_id, has_image, image_description, published_at, lang)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(initiativeId, title, body, author, hasImage, imageDescription, Timestamp.from(at), lang)
                .query(Long.class).single();
    }

    public void saveImage(long updateId, PhotoProcessor.Processed image) {
        jdbc.sql("insert into initiative_update_image (update_id, content, thumbnail) values (?, ?, ?)")
                .params(updateId, image.photo(), image.thumbnail()).update();
    }

    /** The initiative's updates, newest first, signed with their author's name. */
    public List<InitiativeUpdate> of(long initiativeId) {
        return jdbc.sql("""
                        select u.id, u.title, u.body, a.display_name, u.published_at, u.has_image, u.image_description, u.lang from initiative_update u
                        join account_public a on a.id = u.author_id where u.initiative_id = ? order by u.published_at desc, u.id desc""")
                .param(initiativeId)
                .query((rs, n) -> new InitiativeUpdate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getBoolean(6), rs.getString(7), rs.getString(8)))
                .list();
    }

    /** The initiative an update belongs to. */
    public Optional<Long> initiativeOf(long updateId) {
        return jdbc.sql("select initiative_id from initiative_update where id = ?").param(updateId).query(Long.class).optional();
    }

    public Optional<byte[]> image(long updateId) {
        return jdbc.sql("select content from initiative_update_image where update_id = ?").param(updateId).query(byte[].class).optional();
    }
}
