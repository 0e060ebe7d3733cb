package org.participe.test;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.participe.accounts.AccountService;
import org.participe.accounts.ImportedAccount;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.town.FlagRules;
import org.participe.town.TownService;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/** Creates what tests need through the services, with unique names so that tests never collide. */
@Component
public class TestData {

    public static final String PASSWORD = "Une phrase de passe bien longue 2026";
    private static final ParticipeUser SYSTEM_ADMIN = Security.user(-1, "system@test", true, Roles.ADMIN);

    private final AccountService accounts;
    private final TownService town;
    private final SecurityContextHolderStrategy strategy;

    public TestData(AccountService accounts, TownService town, SecurityContextHolderStrategy strategy) {
        this.accounts = accounts;
        this.town = town;
        this.strategy = strategy;
    }

    /**
     * Each application context installs its own (Vaadin-aware) security context strategy, and its
     * method security reads that one; when a test run holds several contexts, the test's context
     * must be the active one before a test sets who is signed in.
     */
    public void activate() {
        SecurityContextHolder.setContextHolderStrategy(strategy);
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /**
     * Creates the test town; false when it exists already: another test context of the run created
     * it while this context's 30-second copy of the settings still said there was none.
     */
    private boolean createdTown() {
        try {
            town.createTown("Testville");
            return true;
        } catch (IllegalStateException exists) {
            return false;
        }
    }

    public synchronized void ensureTown() {
        activate();
        Security.as(SYSTEM_ADMIN, () -> {
            if (town.profile().version() < 0 && createdTown()) {
                // Test accounts are minutes old: flags from every account count, unless a test sets the rules it checks.
                ParticipeUser admin = confirmedAccount("town-admin", Roles.ADMIN);
                Security.as(admin, () -> town.updateFlagRules(0, 0, FlagRules.DEFAULTS.protectedSupports()));
            }
            if (town.neighbourhoods().isEmpty()) {
                town.addNeighbourhood("Centre");
                town.addNeighbourhood("Les Marais");
            }
            if (town.categories().isEmpty()) {
                town.addCategory("Cadre de vie", "Living environment");
                town.addCategory("Mobilité", "Mobility");
            }
        });
    }

    /** A confirmed account with the given roles; its password is {@link #PASSWORD}. */
    public ParticipeUser confirmedAccount(String prefix, String... roles) {
        activate();
        String email = uniqueEmail(prefix);
        long id = Security.as(SYSTEM_ADMIN, () -> accounts.importConfirmed(
                List.of(new ImportedAccount(email, "Person " + prefix, null, null, null, Set.of(roles))), PASSWORD).getFirst());
        return Security.user(id, email, true, roles);
    }

    /** Several confirmed accounts at once (one password hash for all: a crowd costs no more than one person). */
    public List<ParticipeUser> confirmedAccounts(String prefix, int count, String... roles) {
        activate();
        List<String> emails = IntStream.range(0, count).mapToObj(i -> uniqueEmail(prefix + i)).toList();
        List<Long> ids = Security.as(SYSTEM_ADMIN, () -> accounts.importConfirmed(emails.stream()
                .map(email -> new ImportedAccount(email, "Person " + prefix, null, null, null, Set.of(roles))).toList(), PASSWORD));
        return IntStream.range(0, count).mapToObj(i -> Security.user(ids.get(i), emails.get(i), true, roles)).toList();
    }
}
