package org.participe.accounts;

import java.util.Set;

/** What happens to accounts, published inside the service transaction (past tense, ids only). */
public final class AccountEvents {

    private AccountEvents() {
    }

    public record AccountRegistered(long accountId) {
    }

    public record ConfirmationRequested(long accountId) {
    }

    public record PasswordResetRequested(long accountId) {
    }

    public record EmailChangeRequested(long accountId, String newEmail) {
    }

    /** An administrator replaced the person's roles: their open sessions end once this commits. */
    public record RolesChanged(long accountId, Set<String> roles, long changedBy) {
    }

    /** Someone tried to sign up with the address of an existing account: its owner is told. */
    public record SignUpAttemptedWithExistingAddress(long accountId) {
    }

    /** Someone asked to move their account to the address of an existing account: its owner is told. */
    public record EmailChangeAttemptedWithExistingAddress(long accountId) {
    }

    /** The account's address was replaced: the former address is told (it no longer reaches the account). */
    public record EmailChanged(long accountId, String formerEmail) {
    }

    /** The password was changed by its owner or through a reset link: the owner is told. */
    public record PasswordChanged(long accountId) {
    }

    /** The first administrator was invited at start-up: a link to choose a password is sent. */
    public record AdministratorInvited(long accountId) {
    }
}
