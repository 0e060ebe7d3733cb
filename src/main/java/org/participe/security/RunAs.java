package org.participe.security;

import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs work as a given person outside a request (demo data now; imports and assisted
 * participation later), so that services check their rights exactly as for a signed-in request.
 */
public final class RunAs {

    private RunAs() {
    }

    public static <T> T user(ParticipeUser user, Supplier<T> action) {
        var previous = SecurityContextHolder.getContext();
        try {
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
            SecurityContextHolder.setContext(context);
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void user(ParticipeUser user, Runnable action) {
        user(user, () -> {
            action.run();
            return null;
        });
    }
}
