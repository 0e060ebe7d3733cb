package org.participe.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.vaadin.flow.server.VaadinService;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sends a person whose session has just ended to the login page with the reason in the query
 * ({@code /login?ended}, {@code /login?expired}), so the page can tell them why.
 * <p>
 * A page request gets a redirect. A request of Vaadin's client (marked by the {@code v-r} parameter)
 * cannot follow one usefully: the client would read the login page as a broken answer and show a
 * connection error.
 * <p>
 * A UIDL round trip gets Vaadin's own critical-error answer with only an address: the client loads
 * that address and stops at once. Not the plain-text {@code Vaadin-Refresh: url}, which the client
 * also obeys, but only after it has sent its unanswered message again: that second request met no
 * session, Vaadin answered "session expired", and the client reloaded the page it was on 250 ms
 * later, cancelling the login page if it was still loading (a race, lost at times in the 360 px
 * journey: the person landed back on the ideas page, which gives no reason). Other requests of the
 * client (a heartbeat) keep the plain-text answer.
 */
public final class SignInAgain {

    static final String SESSION_ENDED = "ended";
    static final String SESSION_EXPIRED = "expired";
    /**
     * The reason, also kept for a few minutes in a cookie: the request that meets the ended session
     * is not always the one that shows the login page (an image, a heartbeat, a second tab).
     */
    public static final String REASON_COOKIE = "participe-session-end";

    private SignInAgain() {
    }

    static void send(HttpServletRequest request, HttpServletResponse response, String reason) throws IOException {
        String target = request.getContextPath() + "/login?" + reason;
        Cookie remembered = new Cookie(REASON_COOKIE, reason);
        remembered.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        remembered.setMaxAge(600);
        remembered.setHttpOnly(true);
        response.addCookie(remembered);
        if (isUidlRequest(request)) {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType("application/json;charset=UTF-8");
            response.setHeader("Cache-Control", "no-store");
            response.getOutputStream().write(VaadinService.createCriticalNotificationJSON(null, null, null, target)
                    .getBytes(StandardCharsets.UTF_8));
            response.flushBuffer();
        } else if (isVaadinClientRequest(request)) {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType("text/plain;charset=UTF-8");
            response.setHeader("Cache-Control", "no-store");
            response.getOutputStream().write(("Vaadin-Refresh: " + target).getBytes(StandardCharsets.UTF_8));
            response.flushBuffer();
        } else {
            response.sendRedirect(target);
        }
    }

    private static boolean isUidlRequest(HttpServletRequest request) {
        return "uidl".equals(request.getParameter("v-r"));
    }

    static boolean isVaadinClientRequest(HttpServletRequest request) {
        return request.getParameter("v-r") != null;
    }
}
