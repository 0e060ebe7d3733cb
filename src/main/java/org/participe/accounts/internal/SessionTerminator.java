package org.participe.accounts.internal;

import org.participe.accounts.AccountEvents;
import org.participe.base.database.AfterCommit;
import org.participe.base.database.InstanceBus;
import org.participe.security.ParticipeUser;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/**
 * Ends the sessions of one account: after a password change or reset (but the caller's own), and
 * when its roles change or it is blocked or unblocked. An ended session's next request (a page or
 * a Vaadin round trip) is sent to the login page, which says why.
 * <p>
 * Sessions live in the instance that signed the person in; the other instances sharing the
 * database are told through the {@link InstanceBus} (the account id only, once the change commits)
 * and end theirs by the same code. A session kept on purpose (the caller's own, after a password
 * change) lives on this instance, so the others end every session of the account.
 */
@Component
public class SessionTerminator {

    static final String CHANNEL = "account_sessions_end";

    private final SessionRegistry registry;
    private final InstanceBus bus;

    SessionTerminator(SessionRegistry registry, InstanceBus bus) {
        this.registry = registry;
        this.bus = bus;
        bus.subscribe(CHANNEL, accountId -> endHere(Long.parseLong(accountId), null));
    }

    /**
     * Ends the account's sessions on this instance now (but {@code exceptSessionId}), and on the
     * other instances once the current transaction commits. Returns how many ended here.
     */
    public int endAllSessions(long accountId, String exceptSessionId) {
        bus.publishToOtherInstances(CHANNEL, Long.toString(accountId));
        return endHere(accountId, exceptSessionId);
    }

    private int endHere(long accountId, String exceptSessionId) {
        int ended = 0;
        for (Object principal : registry.getAllPrincipals()) {
            if (principal instanceof ParticipeUser user && user.accountId() == accountId) {
                for (SessionInformation session : registry.getAllSessions(principal, false)) {
                    if (!session.getSessionId().equals(exceptSessionId)) {
                        session.expireNow();
                        ended++;
                    }
                }
            }
        }
        return ended;
    }

    /**
     * Ends every session of the account once the current transaction has committed (at once when
     * there is none). Not before: a session ended earlier could sign in again, or open a page,
     * while the change is not yet visible, and keep the old rights; and a rolled-back change
     * must not sign anyone out.
     */
    public void endAllSessionsAfterCommit(long accountId) {
        bus.publishToOtherInstances(CHANNEL, Long.toString(accountId));
        AfterCommit.run(() -> endHere(accountId, null));
    }

    /**
     * A plain listener, in the publisher's transaction, that defers the ending to the commit: a
     * module listener would run later, on another thread, leaving the old rights usable meanwhile.
     */
    @EventListener
    void on(AccountEvents.RolesChanged changed) {
        endAllSessionsAfterCommit(changed.accountId());
    }
}
