package org.participe.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ending the sessions of someone whose roles changed is the work of the {@code RolesChanged}
 * event's listener, whoever publishes it: once the change commits, never before, never on a
 * rollback.
 */
@SpringBootTest
class RolesChangedEndsSessionsIT {

    @Autowired TestData data;
    @Autowired SessionRegistry sessions;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;

    @Test
    void theSessionsEndWhenTheChangeCommits() {
        ParticipeUser person = data.confirmedAccount("roles-event", Roles.RESIDENT);
        String session = "roles-event-" + person.accountId();
        sessions.registerNewSession(session, person);

        transactions.executeWithoutResult(status -> {
            events.publishEvent(new AccountEvents.RolesChanged(person.accountId(), Set.of(Roles.RESIDENT, Roles.STAFF), 0));
            assertThat(sessions.getSessionInformation(session).isExpired()).as("not before the commit").isFalse();
        });

        assertThat(sessions.getSessionInformation(session).isExpired()).isTrue();
    }

    @Test
    void aRolledBackChangeEndsNothing() {
        ParticipeUser person = data.confirmedAccount("roles-rollback", Roles.RESIDENT);
        String session = "roles-rollback-" + person.accountId();
        sessions.registerNewSession(session, person);

        transactions.executeWithoutResult(status -> {
            events.publishEvent(new AccountEvents.RolesChanged(person.accountId(), Set.of(Roles.RESIDENT, Roles.STAFF), 0));
            status.setRollbackOnly();
        });

        assertThat(sessions.getSessionInformation(session).isExpired()).isFalse();
    }
}
