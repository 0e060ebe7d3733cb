package org.participe.test;

import java.util.Set;
import java.util.function.Supplier;

import org.participe.security.ParticipeUser;
import org.participe.security.RunAs;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs service calls as a given person, the way a signed-in request would. */
public final class Security {

    private Security() {
    }

    public static ParticipeUser user(long accountId, String email, boolean confirmed, String... roles) {
        return new ParticipeUser(accountId, email, "Test " + accountId, "", confirmed, false, Set.of(roles));
    }

    public static <T> T as(ParticipeUser user, Supplier<T> action) {
        return RunAs.user(user, action);
    }

    public static void as(ParticipeUser user, Runnable action) {
        RunAs.user(user, action);
    }

    public static <T> T anonymously(Supplier<T> action) {
        var previous = SecurityContextHolder.getContext();
        try {
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new AnonymousAuthenticationToken("test", "anonymousUser",
                    AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
            SecurityContextHolder.setContext(context);
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void anonymously(Runnable action) {
        anonymously(() -> {
            action.run();
            return null;
        });
    }
}
