package org.participe.town;

/**
 * Which flags may hide content without an official: a flag counts toward the town's number of
 * flags only from an account at least {@code minAccountDays} old, or with at least
 * {@code minContributions} ideas and comments (0 turns this path off; {@code minAccountDays} 0
 * trusts every account); and flags never hide an idea with {@code protectedSupports} supports or
 * more on their own: it waits in the officials' queue.
 */
public record FlagRules(int minAccountDays, int minContributions, int protectedSupports) {

    public static final int MAX_ACCOUNT_DAYS = 365;
    public static final int MAX_CONTRIBUTIONS = 1000;
    public static final int MAX_PROTECTED_SUPPORTS = 1_000_000;
    public static final FlagRules DEFAULTS = new FlagRules(7, 1, 50);

    /** Whether a flag from an account of this age (in whole days) and with these many contributions counts toward hiding. */
    public boolean trusts(long accountAgeDays, long contributions) {
        return accountAgeDays >= minAccountDays || (minContributions > 0 && contributions >= minContributions);
    }

    /** Whether flags alone may hide an idea with these many supports. */
    public boolean flagsMayHide(int supports) {
        return supports < protectedSupports;
    }
}
