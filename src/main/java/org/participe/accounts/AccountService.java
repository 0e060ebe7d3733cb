package org.participe.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.participe.accounts.internal.AccountEntity;
import org.participe.accounts.internal.AccountRepository;
import org.participe.accounts.internal.AccountTokenEntity;
import org.participe.accounts.internal.AccountTokenRepository;
import org.participe.accounts.internal.SessionTerminator;
import org.participe.accounts.internal.Tokens;
import org.participe.base.TownZone;
import org.participe.base.i18n.SupportedLocales;
import org.participe.base.ratelimit.RateLimiter;
import org.participe.base.validation.InvalidInputException;
import org.participe.base.validation.TooManyRequestsException;
import org.participe.base.validation.TypedText;
import org.participe.security.CurrentUser;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts: signing up, confirming the e-mail, recovering a password, one's own profile, and the
 * administrators' management of roles. Every method states who may call it.
 */
@Service
@Transactional
public class AccountService {

    /**
     * At most 254 characters, looked at before the rest; no spaces, control characters (PostgreSQL
     * refuses NUL) or invisible format characters (zero-width spaces and joiners: the mailer failed
     * on them, and they let one address pass for another), and nothing the mailer refuses outside quotes (any of {@code ()<>,;:"[]} or a
     * backslash, a dot first, last or twice): such an address used to be accepted, and its
     * confirmation e-mail failed later, unseen.
     */
    private static final String ADDRESS_CHARACTER = "[^@\\s\\p{Cc}\\p{Cf}\\p{Cs}()<>,;:\\\\\"\\[\\]]";
    /**
     * Characters that change how a name looks without showing (direction marks and overrides,
     * zero-width spaces, word joiners): "Admin" with a zero-width space inside, or a name reversed
     * by an override, would pass for someone else's. The joiners that scripts and emoji need
     * (U+200C, U+200D) stay allowed.
     */
    private static final Pattern HIDDEN_IN_NAMES = Pattern.compile("[\\u061C\\u180E\\u200B\\u200E\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF]");
    private static final Pattern EMAIL = Pattern.compile(
            "^(?=.{6,254}$)(?!\\.)(?!.*\\.\\.)(?!.*@\\.)" + ADDRESS_CHARACTER + "{1,64}(?<!\\.)@" + ADDRESS_CHARACTER + "+\\." + ADDRESS_CHARACTER + "{2,}(?<!\\.)$");
    private static final String ANYONE = "permitAll()";
    private static final String SIGNED_IN = "isAuthenticated()";
    public static final int BLOCK_REASON_MIN = 10;
    public static final int BLOCK_REASON_MAX = 500;

    private final AccountRepository accounts;
    private final AccountTokenRepository tokens;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final TownService town;
    private final RateLimiter rateLimiter;
    private final CurrentUser currentUser;
    private final SessionTerminator sessions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int signupsPerAddressPerHour;

    AccountService(AccountRepository accounts, AccountTokenRepository tokens, PasswordEncoder passwordEncoder,
                   PasswordPolicy passwordPolicy, TownService town, RateLimiter rateLimiter, CurrentUser currentUser,
                   SessionTerminator sessions, ApplicationEventPublisher events, Clock clock,
                   @Value("${participe.accounts.signups-per-address-per-hour}") int signupsPerAddressPerHour) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.town = town;
        this.rateLimiter = rateLimiter;
        this.currentUser = currentUser;
        this.sessions = sessions;
        this.events = events;
        this.clock = clock;
        this.signupsPerAddressPerHour = signupsPerAddressPerHour;
    }

    // Signing up and confirming ----------------------------------------------------------------

    /**
     * Creates an unconfirmed resident account and sends the confirmation link. The attempt counts
     * against the client address's limit before the validation answers (so that invalid attempts
     * count too, and a limited address learns nothing), and the answer is the same whether the address already has an account or not:
     * its owner is told by mail instead, so that sign-up does not tell who has an account.
     *
     * @return the new account's id, or 0 when the address already had an account
     */
    @PreAuthorize(ANYONE)
    @Transactional(noRollbackFor = InvalidInputException.class)
    public long register(Registration registration, String clientAddress) {
        var errors = new InvalidInputException.Collector();
        String email = normalizedEmail(registration.email());
        if (!EMAIL.matcher(email).matches() || email.length() > 254) {
            errors.reject("email", "validation.email");
        }
        String displayName = validDisplayName(registration.displayName(), errors);
        Locale locale = registration.locale() == null ? SupportedLocales.DEFAULT : SupportedLocales.resolve(registration.locale().toLanguageTag());
        passwordPolicy.check(registration.password(), email, displayName, locale)
                .ifPresent(problem -> errors.reject("password", problem.messageKey(), problem.arguments()));
        validateNeighbourhood(registration.neighbourhoodId(), errors);
        validateBirthYear(registration.birthYear(), errors);
        if (!registration.termsAccepted()) {
            errors.reject("termsAccepted", "signup.terms.required");
        }
        // Every attempt counts, valid or not, and the limit answers before the validation does. The hit
        // commits even when the input is refused (nothing else is written then). The checks above run
        // before the limit's lock is taken, so that a burst from one address does not queue behind them.
        if (!rateLimiter.tryAcquire("signup", address(clientAddress), signupsPerAddressPerHour, Duration.ofHours(1))) {
            throw new TooManyRequestsException("signup.rate-limited");
        }
        errors.throwIfAny();

        // Hashed in both cases, so that the answer takes as long whether the address has an account or not.
        String passwordHash = passwordEncoder.encode(registration.password());
        Optional<AccountEntity> existing = accounts.findByEmail(email);
        if (existing.isPresent()) {
            long ownerId = existing.get().getId();
            if (existing.get().getDeletedAt() == null
                    && rateLimiter.tryAcquire("signup-existing-notice", String.valueOf(ownerId), 1, Duration.ofHours(1))) {
                events.publishEvent(new AccountEvents.SignUpAttemptedWithExistingAddress(ownerId));
            }
            return 0;
        }
        Instant now = clock.instant();
        AccountEntity account = new AccountEntity(email, displayName, passwordHash, locale.getLanguage(), now);
        account.setNeighbourhoodId(registration.neighbourhoodId());
        account.setBirthYear(registration.birthYear() == null ? null : registration.birthYear().shortValue());
        account.setSex(registration.sex());
        account.replaceRoles(Set.of(Roles.RESIDENT));
        accounts.saveAndFlush(account);
        events.publishEvent(new AccountEvents.AccountRegistered(account.getId()));
        return account.getId();
    }

    /** Follows a link from an e-mail: confirms the address, or switches to a new one. */
    @PreAuthorize(ANYONE)
    public ConfirmationResult confirm(String token) {
        Optional<AccountTokenEntity> found = findToken(token);
        if (found.isEmpty() || found.get().getPurpose() == AccountTokenEntity.Purpose.RESET_PASSWORD
                || found.get().getUsedAt() != null) {
            return ConfirmationResult.INVALID;
        }
        AccountTokenEntity link = found.get();
        Instant now = clock.instant();
        if (!link.isUsable(now)) {
            return ConfirmationResult.EXPIRED;
        }
        AccountEntity account = accounts.findById(link.getAccountId()).orElseThrow();
        if (link.getPurpose() == AccountTokenEntity.Purpose.CHANGE_EMAIL) {
            if (accounts.existsByEmail(link.getNewEmail())) {
                link.use(now);
                return ConfirmationResult.EMAIL_TAKEN;
            }
            link.use(now);
            String formerEmail = account.getEmail();
            account.setEmail(link.getNewEmail());
            events.publishEvent(new AccountEvents.EmailChanged(account.getId(), formerEmail));
            if (!account.isConfirmed()) {
                account.confirmEmail(now);
            }
            account.touch(now);
            return ConfirmationResult.EMAIL_CHANGED;
        }
        link.use(now);
        if (!account.isConfirmed()) {
            account.confirmEmail(now);
            account.touch(now);
        }
        return ConfirmationResult.CONFIRMED;
    }

    /** Sends a fresh confirmation link to the signed-in, still unconfirmed person. */
    @PreAuthorize(SIGNED_IN)
    public void resendConfirmation() {
        ParticipeUser user = currentUser.require();
        AccountEntity account = accounts.findById(user.accountId()).orElseThrow();
        if (account.isConfirmed()) {
            return;
        }
        if (!rateLimiter.tryAcquire("confirmation-mail", String.valueOf(account.getId()), 3, Duration.ofHours(1))) {
            throw new TooManyRequestsException("confirmation.rate-limited");
        }
        events.publishEvent(new AccountEvents.ConfirmationRequested(account.getId()));
    }

    // Password recovery ------------------------------------------------------------------------

    /** Sends a reset link if the address belongs to an account; answers the same either way. */
    @PreAuthorize(ANYONE)
    public void requestPasswordReset(String email, String clientAddress) {
        String normalized = normalizedEmail(email);
        if (!EMAIL.matcher(normalized).matches()) {
            throw InvalidInputException.of("email", "validation.email");
        }
        if (!rateLimiter.tryAcquire("password-reset", address(clientAddress), 10, Duration.ofHours(1))
                || !rateLimiter.tryAcquire("password-reset-email", normalized, 3, Duration.ofHours(1))) {
            throw new TooManyRequestsException("reset.rate-limited");
        }
        accounts.findByEmail(normalized)
                .ifPresent(account -> events.publishEvent(new AccountEvents.PasswordResetRequested(account.getId())));
    }

    @PreAuthorize(ANYONE)
    @Transactional(readOnly = true)
    public boolean isResetTokenUsable(String token) {
        if (!plausibleToken(token)) {
            return false;
        }
        return tokens.findByTokenHash(Tokens.digest(token)).filter(t -> t.getPurpose() == AccountTokenEntity.Purpose.RESET_PASSWORD)
                .filter(t -> t.isUsable(clock.instant())).isPresent();
    }

    /**
     * Sets a new password from a reset link (which also confirms the address, should it not be yet)
     * and ends every session of the account; the person is told by mail.
     */
    @PreAuthorize(ANYONE)
    public void resetPassword(String token, String newPassword) {
        AccountTokenEntity link = findToken(token)
                .filter(t -> t.getPurpose() == AccountTokenEntity.Purpose.RESET_PASSWORD)
                .filter(t -> t.isUsable(clock.instant()))
                .orElseThrow(() -> InvalidInputException.of("token", "reset.link.invalid"));
        AccountEntity account = accounts.findById(link.getAccountId()).orElseThrow();
        passwordPolicy.check(newPassword, account.getEmail(), account.getDisplayName(), Locale.forLanguageTag(account.getLocale()))
                .ifPresent(problem -> {
                    throw InvalidInputException.of("password", problem.messageKey(), problem.arguments());
                });
        Instant now = clock.instant();
        link.use(now);
        account.setPasswordHash(passwordEncoder.encode(newPassword));
        account.setLockedUntil(null);
        if (!account.isConfirmed()) {
            // The link reached the mailbox as a confirmation link would (an invited administrator's first password).
            account.confirmEmail(now);
        }
        account.touch(now);
        accounts.flush();
        sessions.endAllSessions(account.getId(), null);
        events.publishEvent(new AccountEvents.PasswordChanged(account.getId()));
    }

    // One's own profile ------------------------------------------------------------------------

    @PreAuthorize(SIGNED_IN)
    @Transactional(readOnly = true)
    public Profile myProfile() {
        return toProfile(accounts.findById(currentUser.require().accountId()).orElseThrow());
    }

    @PreAuthorize(SIGNED_IN)
    public Profile updateProfile(ProfileUpdate update) {
        var errors = new InvalidInputException.Collector();
        String displayName = validDisplayName(update.displayName(), errors);
        validateNeighbourhood(update.neighbourhoodId(), errors);
        validateBirthYear(update.birthYear(), errors);
        errors.throwIfAny();
        AccountEntity account = accounts.findById(currentUser.require().accountId()).orElseThrow();
        if (account.getVersion() != update.version()) {
            throw new ObjectOptimisticLockingFailureException(AccountEntity.class, account.getId());
        }
        account.setDisplayName(displayName);
        account.setNeighbourhoodId(update.neighbourhoodId());
        account.setBirthYear(update.birthYear() == null ? null : update.birthYear().shortValue());
        account.setSex(update.sex());
        account.touch(clock.instant());
        accounts.flush();
        return toProfile(account);
    }

    /** Sends a link to the new address; the change happens only when that link is followed. */
    @PreAuthorize(SIGNED_IN)
    public void requestEmailChange(String newEmail, String currentPassword) {
        AccountEntity account = accounts.findById(currentUser.require().accountId()).orElseThrow();
        String email = normalizedEmail(newEmail);
        if (!EMAIL.matcher(email).matches() || email.length() > 254) {
            throw InvalidInputException.of("newEmail", "validation.email");
        }
        if (email.equals(account.getEmail())) {
            throw InvalidInputException.of("newEmail", "profile.email.same");
        }
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            throw InvalidInputException.of("currentPassword", "profile.password.wrong");
        }
        if (!rateLimiter.tryAcquire("email-change", String.valueOf(account.getId()), 5, Duration.ofHours(1))) {
            throw new TooManyRequestsException("confirmation.rate-limited");
        }
        // The same answer whether or not the address has an account, so that this form cannot tell who has
        // one: the owner of a taken address is told by mail instead, and nothing changes.
        Optional<AccountEntity> owner = accounts.findByEmail(email);
        if (owner.isPresent()) {
            events.publishEvent(new AccountEvents.EmailChangeAttemptedWithExistingAddress(owner.get().getId()));
            return;
        }
        events.publishEvent(new AccountEvents.EmailChangeRequested(account.getId(), email));
    }

    /** Whether this is the signed-in person's password: asked again before an irreversible step. */
    @PreAuthorize(SIGNED_IN)
    @Transactional(readOnly = true)
    public boolean isOwnPassword(String password) {
        AccountEntity account = accounts.findById(currentUser.require().accountId()).orElseThrow();
        return password != null && !password.isEmpty() && passwordEncoder.matches(password, account.getPasswordHash());
    }

    /** Changes the password after checking the current one; the person's other sessions end. */
    @PreAuthorize(SIGNED_IN)
    public void changePassword(String currentPassword, String newPassword, String currentSessionId) {
        AccountEntity account = accounts.findById(currentUser.require().accountId()).orElseThrow();
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            throw InvalidInputException.of("currentPassword", "profile.password.wrong");
        }
        passwordPolicy.check(newPassword, account.getEmail(), account.getDisplayName(), Locale.forLanguageTag(account.getLocale()))
                .ifPresent(problem -> {
                    throw InvalidInputException.of("newPassword", problem.messageKey(), problem.arguments());
                });
        account.setPasswordHash(passwordEncoder.encode(newPassword));
        account.touch(clock.instant());
        accounts.flush();
        sessions.endAllSessions(account.getId(), currentSessionId);
        events.publishEvent(new AccountEvents.PasswordChanged(account.getId()));
    }

    // Administration ---------------------------------------------------------------------------

    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    @Transactional(readOnly = true)
    public Page<PersonRow> people(String search, Pageable pageable) {
        return accounts.search(searchTerm(search), pageable).map(AccountService::toRow);
    }

    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    @Transactional(readOnly = true)
    public long countPeople(String search) {
        return accounts.search(searchTerm(search), Pageable.ofSize(1)).getTotalElements();
    }

    /**
     * Replaces a person's roles; an administrator cannot take away their own ADMIN role. The
     * person's open sessions end once this commits ({@link AccountEvents.RolesChanged}'s listener:
     * a removed role must stop working at once, and a granted one needs a new sign-in to appear).
     */
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public PersonRow setRoles(long accountId, Set<String> roles) {
        Set<String> wanted = new HashSet<>(roles);
        if (!Roles.GRANTABLE.containsAll(wanted)) {
            throw InvalidInputException.of("roles", "admin.roles.unknown");
        }
        ParticipeUser admin = currentUser.require();
        if (admin.accountId() == accountId && !wanted.contains(Roles.ADMIN)) {
            throw InvalidInputException.of("roles", "admin.roles.own-admin");
        }
        AccountEntity account = accounts.findById(accountId).orElseThrow();
        account.replaceRoles(wanted);
        account.touch(clock.instant());
        accounts.flush();
        events.publishEvent(new AccountEvents.RolesChanged(accountId, Set.copyOf(wanted), admin.accountId()));
        return toRow(account);
    }

    /**
     * An official blocks a resident who breaks the rules: the account keeps reading but no longer
     * participates (its RESIDENT role is withheld at every sign-in) and its sessions end now.
     * Officials, staff and administrators are not blocked this way: an administrator changes their roles.
     *
     * @return whether the account was not blocked before
     */
    @PreAuthorize("hasRole('" + Roles.OFFICIAL + "')")
    public boolean block(long accountId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (TypedText.length(why) < BLOCK_REASON_MIN || TypedText.length(why) > BLOCK_REASON_MAX) {
            throw InvalidInputException.of("reason", "validation.length", BLOCK_REASON_MIN, BLOCK_REASON_MAX);
        }
        TypedText.require("reason", why);
        AccountEntity account = accounts.findById(accountId).orElseThrow(() -> InvalidInputException.of("reason", "account.unknown"));
        if (account.getRoles().stream().anyMatch(role -> !Roles.RESIDENT.equals(role))) {
            throw InvalidInputException.of("reason", "moderation.block.not-resident");
        }
        if (account.getBlockedAt() != null) {
            return false;
        }
        account.block(clock.instant(), why);
        account.touch(clock.instant());
        accounts.flush();
        sessions.endAllSessionsAfterCommit(accountId);
        return true;
    }

    /** An official lifts a block: the account participates again from its next sign-in. */
    @PreAuthorize("hasRole('" + Roles.OFFICIAL + "')")
    public boolean unblock(long accountId) {
        AccountEntity account = accounts.findById(accountId).orElseThrow(() -> InvalidInputException.of("reason", "account.unknown"));
        if (account.getBlockedAt() == null) {
            return false;
        }
        account.unblock();
        account.touch(clock.instant());
        accounts.flush();
        sessions.endAllSessionsAfterCommit(accountId);
        return true;
    }

    /** When an account was created: rules that trust older accounts more (flags) ask it. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<Instant> createdAt(long accountId) {
        return accounts.findById(accountId).map(AccountEntity::getCreatedAt);
    }

    /** The officials, by name: whom an idea can be assigned to. */
    @PreAuthorize("hasRole('" + Roles.OFFICIAL + "')")
    @Transactional(readOnly = true)
    public List<AccountName> officials() {
        return accounts.findByRole(Roles.OFFICIAL).stream().map(a -> new AccountName(a.getId(), a.getDisplayName())).toList();
    }

    /** Creates confirmed accounts sharing one initial password (hashed once): demo data, imports. */
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public List<Long> importConfirmed(List<ImportedAccount> people, String initialPassword) {
        String hash = passwordEncoder.encode(initialPassword);
        Instant now = clock.instant();
        return people.stream().map(person -> {
            AccountEntity account = new AccountEntity(normalizedEmail(person.email()), person.displayName().strip(), hash,
                    SupportedLocales.DEFAULT.getLanguage(), now);
            account.setNeighbourhoodId(person.neighbourhoodId());
            account.setBirthYear(person.birthYear() == null ? null : person.birthYear().shortValue());
            account.setSex(person.sex());
            account.confirmEmail(now);
            account.replaceRoles(person.roles());
            return accounts.save(account).getId();
        }).toList();
    }

    @PreAuthorize(ANYONE)
    @Transactional(readOnly = true)
    public long countAccounts() {
        return accounts.count();
    }

    // Rules ------------------------------------------------------------------------------------

    /** What the people search looks for: typed text only, lower case, with LIKE's wildcards taken literally. */
    private static String searchTerm(String search) {
        return TypedText.forSearch(search).toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Finds a link's token and locks it, so that two clicks on one link cannot both use it. */
    private Optional<AccountTokenEntity> findToken(String token) {
        if (!plausibleToken(token)) {
            return Optional.empty();
        }
        return tokens.lockByTokenHash(Tokens.digest(token));
    }

    private static boolean plausibleToken(String token) {
        return token != null && !token.isBlank() && token.length() <= 100;
    }

    private static String validDisplayName(String value, InvalidInputException.Collector errors) {
        String name = value == null ? "" : value.strip().replaceAll("\\s+", " ");
        if (TypedText.length(name) < 2 || TypedText.length(name) > 60) {
            errors.reject("displayName", "validation.length", 2, 60);
        } else if (name.chars().anyMatch(c -> c == '<' || c == '>')) {
            errors.reject("displayName", "signup.display-name.characters");
        } else if (HIDDEN_IN_NAMES.matcher(name).find()) {
            errors.reject("displayName", "signup.display-name.hidden");
        } else {
            TypedText.check("displayName", name, errors);
        }
        return name;
    }

    private void validateNeighbourhood(Long neighbourhoodId, InvalidInputException.Collector errors) {
        if (neighbourhoodId != null && town.neighbourhood(neighbourhoodId).filter(n -> n.active()).isEmpty()) {
            errors.reject("neighbourhoodId", "signup.neighbourhood.unknown");
        }
    }

    private void validateBirthYear(Integer birthYear, InvalidInputException.Collector errors) {
        if (birthYear == null) {
            return;
        }
        int thisYear = Year.now(clock.withZone(TownZone.zone())).getValue();
        if (birthYear < 1900 || birthYear > thisYear) {
            errors.reject("birthYear", "validation.range", 1900, thisYear);
        } else if (!AgeEligibility.TOWN.isEligible(birthYear, LocalDate.now(clock.withZone(TownZone.zone())))) {
            errors.reject("birthYear", "signup.birth-year.too-young", AgeEligibility.TOWN.minimumAge());
        }
    }

    static String normalizedEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private static String address(String clientAddress) {
        return clientAddress == null || clientAddress.isBlank() ? "unknown" : clientAddress;
    }

    private static Profile toProfile(AccountEntity a) {
        return new Profile(a.getId(), a.getEmail(), a.getDisplayName(), a.getNeighbourhoodId(),
                a.getBirthYear() == null ? null : a.getBirthYear().intValue(), a.getSex(), a.getLocale(),
                a.isConfirmed(), Set.copyOf(a.getRoles()), a.getCreatedAt(), a.getVersion());
    }

    private static PersonRow toRow(AccountEntity a) {
        return new PersonRow(a.getId(), a.getDisplayName(), a.getEmail(), a.isConfirmed(), Set.copyOf(a.getRoles()), a.getCreatedAt());
    }

}
