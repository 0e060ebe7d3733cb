package org.participe.security.ui;

import jakarta.servlet.http.HttpSession;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Remembers, in the session, the e-mail address typed in a refused sign-in, so that the sign-in
 * page shows it again (never the password). It travels in the session rather than in the URL,
 * where an address would end up in access logs and browser history; the page reads it once.
 */
@Component
class RefusedSignInAddress {

    static final String ATTRIBUTE = RefusedSignInAddress.class.getName();
    private static final int MAX_LENGTH = 254;

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            String typed = event.getAuthentication().getName();
            if (typed != null && !typed.isBlank()) {
                String kept = typed.strip().replaceAll("\\p{Cc}", "");
                attributes.getRequest().getSession().setAttribute(ATTRIBUTE, kept.length() > MAX_LENGTH ? kept.substring(0, MAX_LENGTH) : kept);
            }
        }
    }

    /** The address typed in the last refused attempt of this session, forgotten once read. */
    static String take(HttpSession session) {
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof String typed)) {
            return null;
        }
        session.removeAttribute(ATTRIBUTE);
        return typed;
    }
}
