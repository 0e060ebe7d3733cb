package org.participe.initiatives.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.participe.initiatives.Phase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An initiative's phases ({@code initiative_phase}), in their order; written again whole with each save of the initiative. */
@Component
public class PhaseStore {

    private final JdbcClient jdbc;

    PhaseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long add(long initiativeId, int position, String name, LocalDate startsOn, LocalDate endsOn, String description) {
        return jdbc.sql("insert into initiative_phase (initiative_id, position, name, starts_on, ends_on, description) values (?, ?, ?, ?, ?, ?) returning id")
                .params(initiativeId, position, name, Date.valueOf(startsOn), Date.valueOf(endsOn), description)
                .query(Long.class).single();
    }

    public void removeAll(long initiativeId) {
        jdbc.sql("delete from initiative_phase where initiative_id = ?").param(initiativeId).update();
    }

    /** The phases in their order, all marked {@link Phase.When#FUTURE}: which is current is the service's rule. */
    public List<Phase> of(long initiativeId) {
        return jdbc.sql("select id, position, name, starts_on, ends_on, description from initiative_phase where initiative_id = ? order by position")
                .param(initiativeId)
                .query((rs, n) -> new Phase(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                        rs.getDate(5).toLocalDate(), rs.getString(6), Phase.When.FUTURE))
                .list();
    }
}
