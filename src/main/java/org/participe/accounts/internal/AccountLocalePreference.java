package org.participe.accounts.internal;

import java.util.Locale;
import java.util.Optional;

import org.participe.base.i18n.LocalePreference;
import org.participe.base.i18n.SupportedLocales;
import org.participe.security.CurrentUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The language a signed-in person chose, kept on their account. */
@Component
class AccountLocalePreference implements LocalePreference {

    private final AccountRepository accounts;
    private final CurrentUser currentUser;

    AccountLocalePreference(AccountRepository accounts, CurrentUser currentUser) {
        this.accounts = accounts;
        this.currentUser = currentUser;
    }

    /** Asked on every page, by visitors too: only a signed-in person's answer reads the database. */
    @Override
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Optional<Locale> forCurrentUser() {
        return currentUser.get()
                .flatMap(user -> accounts.findById(user.accountId()))
                .map(account -> SupportedLocales.resolve(account.getLocale()));
    }

    @Override
    @Transactional
    public void rememberForCurrentUser(Locale locale) {
        currentUser.get().flatMap(user -> accounts.findById(user.accountId()))
                .ifPresent(account -> account.setLocale(SupportedLocales.resolve(locale.toLanguageTag()).getLanguage()));
    }
}
