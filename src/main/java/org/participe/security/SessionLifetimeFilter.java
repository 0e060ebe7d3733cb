package org.participe.security;

import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The absolute lifetime of a signed-in session: however active, a session older than
 * {@code participe.security.session-max-lifetime} since its sign-in ends at its next request, and
 * the person signs in again (the idle timeout alone would let a session that is used now and then
 * live forever). The sign-in time is kept in the session, set at the first request that finds the
 * session signed in (the login request itself).
 */
final class SessionLifetimeFilter extends OncePerRequestFilter {

    static final String SIGNED_IN = SessionLifetimeFilter.class.getName() + ".SIGNED_IN";

    /** When, and as whom, the session was signed in (a new sign-in in the same session restarts it). */
    record SignedIn(Instant at, String name) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    private final Duration maxLifetime;
    private final Clock clock;
    private final SecurityContextHolderStrategy contexts;
    private final SecurityContextLogoutHandler logout = new SecurityContextLogoutHandler();

    SessionLifetimeFilter(Duration maxLifetime, Clock clock, SecurityContextHolderStrategy contexts) {
        this.maxLifetime = maxLifetime;
        this.clock = clock;
        this.contexts = contexts;
        logout.setSecurityContextHolderStrategy(contexts);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication authentication = contexts.getContext().getAuthentication();
        if (session != null && authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            Instant now = clock.instant();
            if (session.getAttribute(SIGNED_IN) instanceof SignedIn signedIn && signedIn.name().equals(authentication.getName())) {
                if (signedIn.at().plus(maxLifetime).isBefore(now)) {
                    logout.logout(request, response, authentication);
                    SignInAgain.send(request, response, SignInAgain.SESSION_EXPIRED);
                    return;
                }
            } else {
                session.setAttribute(SIGNED_IN, new SignedIn(now, authentication.getName()));
            }
        }
        chain.doFilter(request, response);
    }
}
