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
 * interrupted by a stop is sent again at the next start with a fresh link.
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

    AccountMails(AccountRepository accounts, AccountTokenRepository tokens, MailComposer composer, Mailer mailer,
                 TownBranding town, Clock clock,
                 @Value("${participe.accounts.confirmation-validity}") Duration confirmationValidity,
                 @Value("${participe.accounts.reset-validity}") Duration resetValidity) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.composer = composer;
        this.mailer = mailer;
        this.town = town;
        this.clock = clock;
        this.confirmationValidity = confirmationValidity;
        this.resetValidity = resetValidity;
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
        AccountEntity account = accounts.findById(event.accountId()).orElse(null);
        if (account == null) {
            return;
        }
        String token = issue(account.getId(), AccountTokenEntity.Purpose.RESET_PASSWORD, null, resetValidity);
        Locale locale = Locale.forLanguageTag(account.getLocale());
        mailer.send(composer.compose(account.getEmail(), locale,
                composer.translate(locale, "mail.reset.subject", town.townName()),
                composer.translate(locale, "mail.greeting", account.getDisplayName()),
                List.of(composer.translate(locale, "mail.reset.body", town.townName()),
                        composer.translate(locale, "mail.reset.validity", resetValidity.toHours())),
                composer.translate(locale, "mail.reset.action"),
                composer.link("reset-password?token=" + token),
                composer.translate(locale, "mail.reset.footer")));
    }

    @ApplicationModuleListener
    void on(AccountEvents.EmailChangeRequested event) {
        AccountEntity account = accounts.findById(event.accountId()).orElse(null);
        if (account == null) {
            return;
        }
        String token = issue(account.getId(), AccountTokenEntity.Purpose.CHANGE_EMAIL, event.newEmail(), confirmationValidity);
        Locale locale = Locale.forLanguageTag(account.getLocale());
        mailer.send(composer.compose(event.newEmail(), locale,
                composer.translate(locale, "mail.change-email.subject", town.townName()),
                composer.translate(locale, "mail.greeting", account.getDisplayName()),
                List.of(composer.translate(locale, "mail.change-email.body", town.townName()),
                        composer.translate(locale, "mail.confirm.validity", confirmationValidity.toHours())),
                composer.translate(locale, "mail.change-email.action"),
                composer.link("confirm-email?token=" + token),
                composer.translate(locale, "mail.confirm.footer")));
    }

    private void sendConfirmation(long accountId) {
        AccountEntity account = accounts.findById(accountId).orElse(null);
        if (account == null || account.isConfirmed()) {
            return;
        }
        String token = issue(account.getId(), AccountTokenEntity.Purpose.CONFIRM_EMAIL, null, confirmationValidity);
        Locale locale = Locale.forLanguageTag(account.getLocale());
        mailer.send(composer.compose(account.getEmail(), locale,
                composer.translate(locale, "mail.confirm.subject", town.townName()),
                composer.translate(locale, "mail.greeting", account.getDisplayName()),
                List.of(composer.translate(locale, "mail.confirm.body", town.townName()),
                        composer.translate(locale, "mail.confirm.validity", confirmationValidity.toHours())),
                composer.translate(locale, "mail.confirm.action"),
                composer.link("confirm-email?token=" + token),
                composer.translate(locale, "mail.confirm.footer")));
    }

    private String issue(long accountId, AccountTokenEntity.Purpose purpose, String newEmail, Duration validity) {
        Instant now = clock.instant();
        tokens.retireAll(accountId, purpose, now);
        String token = Tokens.newToken();
        tokens.save(new AccountTokenEntity(accountId, purpose, Tokens.digest(token), newEmail, now, now.plus(validity)));
        return token;
    }
}
