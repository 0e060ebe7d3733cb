package org.participe.moderation.internal;

import java.time.Instant;
import java.util.List;

import org.participe.moderation.AnswerTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code answer_template} table: the answer texts the town keeps. */
@Component
public class AnswerTemplates {

    private final JdbcClient jdbc;

    AnswerTemplates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AnswerTemplate> all() {
        return jdbc.sql("select id, title, body, version from answer_template order by title")
                .query((rs, n) -> new AnswerTemplate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4))).list();
    }

    /** @return the new template's id */
    public long add(String title, String body, long createdBy, Instant at) {
        return jdbc.sql("insert into answer_template (title, body, created_by, updated_at) values (?, ?, ?, ?) returning id")
                .params(title, body, createdBy, Rows.timestamp(at)).query(Long.class).single();
    }

    /** @return false when the template changed since that version was read */
    public boolean update(long id, String title, String body, long version, Instant at) {
        return jdbc.sql("update answer_template set title = ?, body = ?, updated_at = ?, version = version + 1 where id = ? and version = ?")
                .params(title, body, Rows.timestamp(at), id, version).update() > 0;
    }

    public void delete(long id) {
        jdbc.sql("delete from answer_template where id = ?").param(id).update();
    }
}
