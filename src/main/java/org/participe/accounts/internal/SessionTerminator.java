package org.participe.accounts.internal;

import org.participe.base.database.AfterCommit;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/**
 * Ends the sessions of one account: after a password change or reset (but the caller's own), and
 * when its roles change or it is blocked or unblocked. An ended session's next request (a page or
 * a Vaadin round trip) is sent to the login page, which says why.
 */
@Component
public class SessionTerminator {

    private final SessionRegistry registry;

    SessionTerminator(SessionRegistry registry) {
        this.registry = registry;
    }

    public int endAllSessions(long accountId, String exceptSessionId) {
        int ended = 0;
        for (Object principal : registry.getAllPrincipals()) {
            if (principal instanceof org.participe.security.ParticipeUser user && user.accountId() == accountId) {
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
        AfterCommit.run(() -> endAllSessions(accountId, null));
    }
}
