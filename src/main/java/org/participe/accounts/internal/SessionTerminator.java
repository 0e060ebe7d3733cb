package org.participe.accounts.internal;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/** Ends the sessions of one account (after a password change or reset), but the caller's own. */
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
}
