package org.participe.initiatives.internal;

import java.util.Optional;

import org.participe.ideas.LinkedInitiatives;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The title the idea pages show of the initiative each idea fed into, read from this module's own table. */
@Component
class InitiativesLinkedToIdeas implements LinkedInitiatives {

    private final JdbcClient jdbc;

    InitiativesLinkedToIdeas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> publicTitle(long initiativeId) {
        return jdbc.sql("select title from initiative where id = ? and published and not archived")
                .param(initiativeId).query(String.class).optional();
    }
}
