package org.participe.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import com.vaadin.flow.i18n.I18NProvider;
import org.participe.accounts.AccountEvents;
import org.participe.base.i18n.SupportedLocales;
import org.participe.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invites the town's first administrator ({@code PARTICIPE_INITIAL_ADMIN_EMAIL}) at start-up, so
 * that nobody has to touch the database: when no account holds the administrator role, the
 * address gets an account with that role and a password nobody knows (random, never shown), and
 * a link to choose one, valid 7 days by default (the password-reset link, longer-lived), leaves by
 * mail after the commit. One audit line says so, without the link.
 * <p>
 * Once only: the invited account holds the role from the start, so a restart, while the
 * invitation is pending as afterwards, finds an administrator and sends nothing. A link that
 * expired unused is replaced with "Mot de passe oublié" on that address; an invitation never
 * used is removed with the other unconfirmed accounts (retention), and the next start invites
 * again. Several instances starting at once invite once (an advisory lock).
 */
@Component
class InitialAdministrator {

    private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final I18NProvider translations;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final String email;
    private final Duration validity;

    InitialAdministrator(AccountRepository accounts, PasswordEncoder passwordEncoder, I18NProvider translations,
                         ApplicationEventPublisher events, JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions,
                         @Value("${participe.initial-admin.email:}") String email,
                         @Value("${participe.initial-admin.invitation-validity}") Duration validity) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.translations = translations;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.email = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        this.validity = validity;
    }

    @EventListener(ApplicationReadyEvent.class)
    void inviteIfNoAdministrator() {
        if (email.isEmpty()) {
            return;
        }
        if (!email.matches("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}") || email.length() > 254) {
            log.error("PARTICIPE_INITIAL_ADMIN_EMAIL is not an e-mail address; no administrator was invited");
            return;
        }
        transaction.executeWithoutResult(status -> {
            jdbc.query("select pg_advisory_xact_lock(hashtext('participe:initial-admin'))", rs -> { });
            if (!accounts.findByRole(Roles.ADMIN).isEmpty()) {
                log.info("PARTICIPE_INITIAL_ADMIN_EMAIL: the town already has an administrator (or a pending invitation); no invitation sent");
                return;
            }
            Instant now = clock.instant();
            AccountEntity account = accounts.findByEmail(email).orElseGet(() -> new AccountEntity(email,
                    translations.getTranslation("account.initial-admin.name", SupportedLocales.DEFAULT),
                    passwordEncoder.encode(Tokens.newToken()), SupportedLocales.DEFAULT.getLanguage(), now));
            Set<String> roles = new HashSet<>(account.getRoles());
            roles.add(Roles.ADMIN);
            account.replaceRoles(roles);
            account.touch(now);
            accounts.saveAndFlush(account);
            events.publishEvent(new AccountEvents.AdministratorInvited(account.getId()));
            log.info("Audit: first administrator invited: account {} <{}> holds the administrator role; a link to choose a password, "
                    + "valid {} days, is e-mailed", account.getId(), email, validity.toDays());
        });
    }
}
