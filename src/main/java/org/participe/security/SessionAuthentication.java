package org.participe.security;

import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Reloads the signed-in person's authorities within the session, for example right after they
 * confirm their e-mail, so that they may participate without signing in again.
 */
@Component
public class SessionAuthentication {

    private final UserDetailsService users;
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    SessionAuthentication(UserDetailsService users) {
        this.users = users;
    }

    public void refresh() {
        var current = SecurityContextHolder.getContext().getAuthentication();
        if (current == null || !(current.getPrincipal() instanceof ParticipeUser user)) {
            return;
        }
        UserDetails reloaded = users.loadUserByUsername(user.email());
        var authentication = UsernamePasswordAuthenticationToken.authenticated(reloaded, null, reloaded.getAuthorities());
        authentication.setDetails(current.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        VaadinServletResponse response = VaadinServletResponse.getCurrent();
        if (request != null && response != null) {
            repository.saveContext(context, request.getHttpServletRequest(), response.getHttpServletResponse());
        }
    }
}
