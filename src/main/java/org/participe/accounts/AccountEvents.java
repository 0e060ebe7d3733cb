package org.participe.accounts;

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

    public record EmailConfirmed(long accountId) {
    }

    public record RolesChanged(long accountId, java.util.Set<String> roles, long changedBy) {
    }
}
