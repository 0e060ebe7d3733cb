package org.participe.security;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in posted from another site (login CSRF: a form elsewhere would sign the victim
 * into the attacker's account, and what they then type would be the attacker's to read).
 * <p>
 * Vaadin's security configuration exempts the login page from Spring's CSRF token, because
 * Vaadin's login form posts a plain HTML form that carries no token. Browsers, however, say where a
 * post comes from: {@code Origin} on every cross-origin POST (and on same-origin ones in current
 * browsers), and {@code Sec-Fetch-Site}. A {@code POST /login} is accepted only when its
 * {@code Origin}, if present, is the configured public address ({@code participe.base-url}) or the
 * request's own scheme, host and port, and its {@code Sec-Fetch-Site}, if present, is
 * {@code same-origin} (or {@code none}: typed by the person). A request with neither header (not a
 * browser's cross-site form) passes. A refusal is a bare 403 before any authentication: nothing is
 * checked, counted (no failed attempt towards the account's lock) or signed in. A redirect to
 * {@code /login?error} was the other choice; it would tell the victim their password was wrong and
 * would look like a normal failure in the attempts log, while this is no attempt of theirs.
 */
final class LoginOriginFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(LoginOriginFilter.class);
    private static final Set<String> ALLOWED_FETCH_SITES = Set.of("same-origin", "none");

    private final String loginPath;
    private final String configuredOrigin;

    LoginOriginFilter(String loginPath, String baseUrl) {
        this.loginPath = loginPath;
        this.configuredOrigin = originOf(baseUrl);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !loginPath.equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        boolean originAllowed = origin == null || sameOrigin(origin, request);
        boolean fetchSiteAllowed = fetchSite == null || ALLOWED_FETCH_SITES.contains(fetchSite.toLowerCase(Locale.ROOT));
        if (!originAllowed || !fetchSiteAllowed) {
            LOG.warn("Refused a sign-in posted from another site (Origin {}, Sec-Fetch-Site {})", printable(origin), printable(fetchSite));
            // The status alone: an error dispatch would be turned into a redirect to the login page.
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setHeader("Cache-Control", "no-store");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean sameOrigin(String origin, HttpServletRequest request) {
        String given = originOf(origin);
        if (given == null) {
            return false; // "null" (a sandboxed frame, a redirect chain) or garbage
        }
        String own = originOf(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort());
        return given.equals(configuredOrigin) || given.equals(own);
    }

    /** {@code scheme://host[:port]} in lower case, default ports left out; null when not a URL. */
    static String originOf(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = URI.create(url.strip());
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null) {
                return null;
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
            return scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException notAUrl) {
            return null;
        }
    }

    private static String printable(String header) {
        return header == null ? "-" : header.replaceAll("[^\\x20-\\x7e]", "?").substring(0, Math.min(header.length(), 200));
    }
}
