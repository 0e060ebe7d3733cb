package org.participe.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.participe.accounts.AccountEvents;
import org.participe.base.TownBranding;
import org.participe.base.mail.MailComposer;
import org.participe.base.mail.Mailer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends the links that accounts need, after the change that asked for them is committed. A link is
 * created here, not in the event, so that no secret is stored in the event registry; a publication
 * interrupted by a stop is sent again at the next start with a fresh link. The link's token and its
 * mail are written in the listener's one transaction (the mail goes to the outbox and leaves after
 * the commit): both are kept, or neither. Notices (a changed
 * address or password, a sign-up with an address already used) carry no token: only a link to
 * the sign-in or password-recovery page.
 */
@Component
class AccountMails {

    private final AccountRepository accounts;
    private final AccountTokenRepository tokens;
    private final MailComposer composer;
    private final Mailer mailer;
    private final TownBranding town;
    private final Clock clock;
    private final Duration confirmationValidity;
    private final Duration resetValidity;
    private final Duration invitationValidity;

    AccountMails(AccountRepository accounts, AccountTokenRepository tokens, MailComposer composer, Mailer mailer,
                 TownBranding town, Clock clock,
                 @Value("${participe.accounts.confirmation-validity}") Duration confirmationValidity,
                 @Value("${participe.accounts.reset-validity}") Duration resetValidity,
                 @Value("${participe.initial-admin.invitation-validity}") Duration invitationValidity) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.composer = composer;
        this.mailer = mailer;
        this.town = town;
        this.clock = clock;
        this.confirmationValidity = confirmationValidity;
        this.resetValidity = resetValidity;
        this.invitationValidity = invitationValidity;
    }

    @ApplicationModuleListener
    void on(AccountEvents.AccountRegistered event) {
        sendConfirmation(event.accountId());
    }

    @ApplicationModuleListener
    void on(AccountEvents.ConfirmationRequested event) {
        sendConfirmation(event.accountId());
    }

    @ApplicationModuleListener
    void on(AccountEvents.PasswordResetRequested event) {
        accounts.findById(event.accountId()).ifPresent(account -> send(account, account.getEmail(),
                issue(account.getId(), AccountTokenEntity.Purpose.RESET_PASSWORD, null, resetValidity),
                new Texts("mail.reset", "mail.reset.validity", "mail.reset.footer", "reset-password"), resetValidity.toHours()));
    }

    @ApplicationModuleListener
    void on(AccountEvents.EmailChangeRequested event) {
        accounts.findById(event.accountId()).ifPresent(account -> send(account, event.newEmail(),
                issue(account.getId(), AccountTokenEntity.Purpose.CHANGE_EMAIL, event.newEmail(), confirmationValidity),
                new Texts("mail.change-email", "mail.confirm.validity", "mail.confirm.footer", "confirm-email"), confirmationValidity.toHours()));
    }

    @ApplicationModuleListener
    void on(AccountEvents.AdministratorInvited event) {
        accounts.findById(event.accountId()).ifPresent(account -> send(account, account.getEmail(),
                issue(account.getId(), AccountTokenEntity.Purpose.RESET_PASSWORD, null, invitationValidity),
                new Texts("mail.invite", "mail.invite.validity", "mail.invite.footer", "reset-password"), invitationValidity.toDays()));
    }

    @ApplicationModuleListener
    void on(AccountEvents.SignUpAttemptedWithExistingAddress event) {
        accounts.findById(event.accountId()).ifPresent(account -> notice(account, account.getEmail(), "mail.signup-existing", "login",
                composer.link("forgot-password")));
    }

    @ApplicationModuleListener
    void on(AccountEvents.EmailChangeAttemptedWithExistingAddress event) {
        accounts.findById(event.accountId()).ifPresent(account -> notice(account, account.getEmail(), "mail.email-change-existing", "login",
                composer.link("forgot-password")));
    }

    @ApplicationModuleListener
    void on(AccountEvents.EmailChanged event) {
        accounts.findById(event.accountId()).ifPresent(account -> notice(account, event.formerEmail(), "mail.email-changed", "login",
                account.getEmail()));
    }

    @ApplicationModuleListener
    void on(AccountEvents.PasswordChanged event) {
        accounts.findById(event.accountId()).ifPresent(account -> notice(account, account.getEmail(), "mail.password-changed",
                "forgot-password", composer.link("forgot-password")));
    }

    /**
     * A notice without a token, in the person's language: {@code prefix}.subject/.body/.advice/.action,
     * the advice taking one argument, and a link to a page of the application.
     */
    private void notice(AccountEntity account, String to, String prefix, String path, String adviceArgument) {
        Locale locale = Locale.forLanguageTag(account.getLocale());
        String townName = town.townName();
        mailer.send(composer.compose(to, locale,
                composer.translate(locale, prefix + ".subject", townName),
                composer.translate(locale, "mail.greeting", account.getDisplayName()),
                List.of(composer.translate(locale, prefix + ".body", townName),
                        composer.translate(locale, prefix + ".advice", adviceArgument)),
                composer.translate(locale, prefix + ".action"),
                composer.link(path),
                composer.translate(locale, "mail.notice.footer")).concerning(account.getId()));
    }

    private void sendConfirmation(long accountId) {
        accounts.findById(accountId).filter(account -> !account.isConfirmed()).ifPresent(account -> send(account, account.getEmail(),
                issue(account.getId(), AccountTokenEntity.Purpose.CONFIRM_EMAIL, null, confirmationValidity),
                new Texts("mail.confirm", "mail.confirm.validity", "mail.confirm.footer", "confirm-email"), confirmationValidity.toHours()));
    }

    /** Which texts a link mail uses: {@code prefix}.subject/.body/.action, and where its link leads. */
    private record Texts(String prefix, String validityKey, String footerKey, String path) {
    }

    /** A mail with a link carrying a token; {@code validity} in the unit its text names (hours, or days for an invitation). */
    private void send(AccountEntity account, String to, String token, Texts texts, long validity) {
        Locale locale = Locale.forLanguageTag(account.getLocale());
        String townName = town.townName();
        mailer.send(composer.compose(to, locale,
                composer.translate(locale, texts.prefix() + ".subject", townName),
                composer.translate(locale, "mail.greeting", account.getDisplayName()),
                List.of(composer.translate(locale, texts.prefix() + ".body", townName),
                        composer.translate(locale, texts.validityKey(), validity)),
                composer.translate(locale, texts.prefix() + ".action"),
                composer.link(texts.path() + "?token=" + token),
                composer.translate(locale, texts.footerKey())).concerning(account.getId()));
    }

    /**
     * Creates the link's token in the listener's transaction, with its mail: the mail leaves only
     * once both are committed, so whoever clicks at once finds the token.
     */
    private String issue(long accountId, AccountTokenEntity.Purpose purpose, String newEmail, Duration validity) {
        Instant now = clock.instant();
        tokens.retireAll(accountId, purpose, now);
        String token = Tokens.newToken();
        tokens.save(new AccountTokenEntity(accountId, purpose, Tokens.digest(token), newEmail, now, now.plus(validity)));
        return token;
    }
}
