package org.participe.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.server.auth.NavigationAccessChecker;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import com.vaadin.flow.spring.security.NavigationAccessControlConfigurer;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.participe.security.ui.LoginView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.session.ConcurrentSessionFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The one security configuration: Vaadin's navigation access control (every view states who may
 * open it), form login through {@link LoginView}, headers, sessions, and method security for services.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfig {

    /**
     * Vaadin's client needs inline styles and scripts and {@code eval} for {@code executeJs};
     * everything else is locked to our own origin, and nobody may frame the site.
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /** Powerful browser features the site never uses, off for it and anything it embeds. */
    static final String PERMISSIONS_POLICY = String.join(", ",
            "accelerometer=()", "autoplay=()", "camera=()", "display-capture=()", "geolocation=()", "gyroscope=()",
            "magnetometer=()", "microphone=()", "midi=()", "payment=()", "publickey-credentials-get=()", "usb=()");

    static final String LOGIN_PATH = "/login";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SessionRegistry sessionRegistry, Clock clock, SecurityContextHolderStrategy contexts,
                                            @Value("${participe.base-url}") String baseUrl,
                                            @Value("${participe.security.session-max-lifetime}") Duration sessionMaxLifetime) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/town/logo", "/media/**", "/images/**", "/styles/**", "/scripts/**", "/webjars/**").permitAll()
                .requestMatchers(HttpMethod.POST, "/mail/unsubscribe").permitAll()
                // A copy of one's data: signed in (a visitor is sent to the login page and back), the owner checked by the service.
                .requestMatchers(HttpMethod.GET, "/my-data/export/*").authenticated()
                .requestMatchers("/actuator/**").hasRole(Roles.ADMIN));
        // Mail clients unsubscribe with a bare POST (RFC 8058); the signed token is the protection.
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/mail/unsubscribe"));
        // Headers are written before the request is handled, not when the response is committed:
        // Vaadin's pages are forwarded to its servlet and committed by the container after the
        // forward, past the lazy writer, so pages went out with none of these (only Vaadin's own
        // X-Frame-Options, which it leaves alone when the header is already there).
        http.headers(headers -> headers
                .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                })
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY)));
        // Login CSRF: Vaadin exempts the login post from the CSRF token (its login form carries none).
        http.addFilterBefore(new LoginOriginFilter(LOGIN_PATH, baseUrl), UsernamePasswordAuthenticationFilter.class);
        // A session ended on purpose (password, roles, block) sends its next request to the login page, which says why.
        http.sessionManagement(session -> session
                .sessionFixation(fixation -> fixation.changeSessionId())
                .maximumSessions(-1)
                .sessionRegistry(sessionRegistry)
                .expiredSessionStrategy(event -> SignInAgain.send(event.getRequest(), event.getResponse(), SignInAgain.SESSION_ENDED)));
        http.addFilterAfter(new SessionLifetimeFilter(sessionMaxLifetime, clock, contexts),
                ConcurrentSessionFilter.class);
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        return http.build();
    }

    /**
     * Takes the place of the navigation access control that Vaadin's auto-configuration builds
     * (the same checkers, login view and settings), with roles read without a lookup per navigation.
     */
    @Bean
    @Primary
    NavigationAccessControl rolesFromAuthentication(List<NavigationAccessChecker> checkers, NavigationAccessControlConfigurer configurer) {
        return configurer.build(RolesFromAuthentication::new, checkers);
    }

    /** Knows every signed-in session, so that a password reset can end them all. */
    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    static HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    /**
     * Argon2id for new hashes, with OWASP's current minimum (19 MiB of memory, 2 iterations, one
     * lane; Spring's defaults take 16 MiB). Each hash carries its own parameters, so hashes made
     * with the former ones stay readable; bcrypt hashes too, should any be imported.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("argon2", Map.of(
                "argon2", new Argon2PasswordEncoder(ARGON2_SALT_BYTES, ARGON2_HASH_BYTES, ARGON2_PARALLELISM, ARGON2_MEMORY_KIB, ARGON2_ITERATIONS),
                "bcrypt", new BCryptPasswordEncoder()));
    }

    static final int ARGON2_SALT_BYTES = 16;
    static final int ARGON2_HASH_BYTES = 32;
    static final int ARGON2_PARALLELISM = 1;
    static final int ARGON2_MEMORY_KIB = 19 * 1024;
    static final int ARGON2_ITERATIONS = 2;
}
