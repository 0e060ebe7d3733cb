package org.participe.privacy;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.participe.accounts.AccountService;
import org.participe.base.privacy.PersonalData;
import org.participe.base.privacy.PersonalDataSet;
import org.participe.base.ratelimit.RateLimiter;
import org.participe.base.validation.InvalidInputException;
import org.participe.base.validation.TooManyRequestsException;
import org.participe.privacy.internal.DataExportArchive;
import org.participe.privacy.internal.DataExportStore;
import org.participe.security.CurrentUser;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's rights over their data (GDPR): a copy of everything the platform keeps about them,
 * and the deletion of their account. Each feature says what it keeps ({@link PersonalData}); this
 * service gathers them. Only the signed-in person acts, on their own account.
 */
@Service
@Transactional
public class PrivacyService {

    public static final Duration EXPORT_VALIDITY = Duration.ofDays(7);
    static final int EXPORTS_PER_DAY = 5;
    static final int DELETION_ATTEMPTS_PER_HOUR = 5;
    private static final String SIGNED_IN = "isAuthenticated()";

    private final List<PersonalData> features;
    private final AccountService accounts;
    private final CurrentUser currentUser;
    private final RateLimiter rateLimiter;
    private final DataExportArchive archive;
    private final DataExportStore exports;
    private final Clock clock;

    PrivacyService(List<PersonalData> features, AccountService accounts, CurrentUser currentUser, RateLimiter rateLimiter,
                   DataExportArchive archive, DataExportStore exports, Clock clock) {
        this.features = List.copyOf(features);
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.rateLimiter = rateLimiter;
        this.archive = archive;
        this.exports = exports;
        this.clock = clock;
    }

    /** Prepares a link to a copy of one's data, valid {@link #EXPORT_VALIDITY}. */
    @PreAuthorize(SIGNED_IN)
    public DataExport requestExport() {
        long accountId = currentUser.require().accountId();
        if (!rateLimiter.tryAcquire("data-export", String.valueOf(accountId), EXPORTS_PER_DAY, Duration.ofDays(1))) {
            throw new TooManyRequestsException("my-data.export.rate-limited");
        }
        Instant now = clock.instant();
        UUID id = exports.add(accountId, now, now.plus(EXPORT_VALIDITY));
        return new DataExport(id, now, now.plus(EXPORT_VALIDITY), 0);
    }

    /** One's links still valid, newest first. */
    @PreAuthorize(SIGNED_IN)
    @Transactional(readOnly = true)
    public List<DataExport> myExports() {
        return exports.validOf(currentUser.require().accountId(), clock.instant());
    }

    /**
     * Whether the link is the signed-in person's own and still valid: anybody else, or an expired
     * link, gets the same "not found" (a link does not tell whose it is).
     */
    @PreAuthorize(SIGNED_IN)
    @Transactional(readOnly = true)
    public boolean isMyValidExport(UUID exportId) {
        return findMine(exportId).isPresent();
    }

    /**
     * Writes the copy of one's data as a ZIP (JSON and CSV files and a README in the person's
     * language), read in one snapshot of the database, and counts the download.
     */
    @PreAuthorize(SIGNED_IN)
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public void writeExport(UUID exportId, Locale language, OutputStream out) throws IOException {
        long accountId = findMine(exportId).orElseThrow(() -> InvalidInputException.of("export", "my-data.export.not-found"));
        exports.countDownload(exportId);
        List<PersonalDataSet> sets = features.stream().flatMap(feature -> feature.export(accountId).stream()).toList();
        archive.write(sets, language, clock.instant(), out);
    }

    /**
     * Deletes one's account after the password is given again, all in one transaction: every
     * feature erases what it keeps, the account becomes an anonymous row, and once committed its
     * sessions end. Contributions stay under "deleted account" unless {@code eraseContributions}.
     * An administrator hands the role to someone else first, so that the town is never left without one.
     * A refusal still commits the attempt's count, so that the password cannot be guessed here.
     */
    @PreAuthorize(SIGNED_IN)
    @Transactional(noRollbackFor = InvalidInputException.class)
    public void deleteMyAccount(String password, boolean eraseContributions) {
        ParticipeUser user = currentUser.require();
        if (!rateLimiter.tryAcquire("account-deletion", String.valueOf(user.accountId()), DELETION_ATTEMPTS_PER_HOUR, Duration.ofHours(1))) {
            throw new TooManyRequestsException("my-data.delete.rate-limited");
        }
        if (!accounts.isOwnPassword(password)) {
            throw InvalidInputException.of("password", "profile.password.wrong");
        }
        if (currentUser.hasRole(Roles.ADMIN)) {
            throw InvalidInputException.of("password", "my-data.delete.admin");
        }
        exports.removeAllOf(user.accountId());
        for (PersonalData feature : features) {
            feature.erase(user.accountId(), eraseContributions);
        }
    }

    private Optional<Long> findMine(UUID exportId) {
        if (exportId == null) {
            return Optional.empty();
        }
        return exports.ownerIfValid(exportId, currentUser.require().accountId(), clock.instant());
    }
}
