package org.participe.architecture;

import static java.util.Map.entry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which module owns each table and SQL view of the schema: the one place that says so, read by
 * {@link SqlOwnershipTests}.
 * <p>
 * A migration is named after the module whose tables it creates or changes,
 * {@code V<n>__<module>_<what>.sql} (for example {@code V18__follows_settings.sql}), and what it
 * creates belongs to that module: nothing to declare here. The rule holds from
 * V{@value #NAMED_AFTER_MODULE_FROM} on. The migrations before it mix modules
 * ({@code V2__ideas.sql} also creates {@code comment} and {@code follow}), so their tables are
 * declared in {@link #DECLARED}, as is a table whose migration is named after something else
 * than a module (the declaration wins). A view that other modules may read is listed in
 * {@link #PUBLISHED_VIEWS}: it is its owner's published read model.
 */
final class TableOwners {

    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    /** The first migration that must be named after its module (the ones before V14 mix modules, V14 to V17 were written meanwhile). */
    static final int NAMED_AFTER_MODULE_FROM = 18;
    /** Before this one, a migration's name says nothing of its owner. */
    private static final int FIRST_AFTER_LEGACY = 14;

    /** The owners of what the migrations before V14 create, and of tables whose migration is not named after a module. */
    static final Map<String, String> DECLARED = Map.ofEntries(
            // V1__foundation.sql
            entry("town_settings", "town"), entry("neighbourhood", "town"), entry("category", "town"),
            entry("account", "accounts"), entry("account_role", "accounts"), entry("account_token", "accounts"),
            entry("login_attempt", "accounts"),
            entry("rate_limit_hit", "base"),
            // Spring Modulith's event publication registry, shared by every module through the framework.
            entry("event_publication", "base"), entry("event_publication_archive", "base"),
            // V2__ideas.sql
            entry("idea", "ideas"), entry("idea_photo", "ideas"), entry("support", "ideas"), entry("idea_event", "ideas"),
            entry("comment", "comments"),
            entry("follow", "follows"),
            // V3__initiatives_notifications.sql
            entry("initiative", "initiatives"), entry("initiative_neighbourhood", "initiatives"), entry("initiative_cover", "initiatives"),
            entry("initiative_phase", "initiatives"), entry("initiative_update", "initiatives"),
            entry("initiative_update_image", "initiatives"), entry("initiative_change", "initiatives"),
            entry("notification", "notifications"), entry("notification_preference", "notifications"),
            entry("app_secret", "notifications"),
            // V4__moderation.sql, V12__flag_rules_and_links.sql
            entry("moderation_item", "moderation"), entry("flag", "moderation"), entry("moderation_audit", "moderation"),
            entry("answer_template", "moderation"), entry("flag_burst_alert", "moderation"),
            // V5__reporting.sql, V6__participant_days.sql
            entry("reference_population", "reporting"), entry("reference_population_source", "reporting"),
            entry("activity_daily", "reporting"), entry("participant_days", "reporting"), entry("participant_days_detail", "reporting"),
            // V7__idea_counts.sql
            entry("idea_counts", "ideas"),
            // V9__personal_data.sql
            entry("data_export", "privacy"),
            // V17__mail_outbox.sql: the outbox of base/mail, through which every module sends
            entry("mail_outbox", "base"));

    /** Views that modules other than their owner may read (never write). */
    static final Set<String> PUBLISHED_VIEWS = Set.of(
            // accounts (V19): the name others see and whether officials blocked the account; no e-mail or other detail.
            "account_public",
            // The read model of reporting (V20 to V24), one view per owner, with only the columns the figures and exports use.
            // ideas (V20): every idea with its status, visibility, category and neighbourhood; its counts; supports without who gave them.
            "idea_report", "idea_count_report", "support_report",
            // comments (V21): what a comment is about, when, whether shown, and its text for the comments export; never its author.
            "comment_report",
            // moderation (V22): flags (on what, when) and moderation items (hidden when, answer due and given); never who or why.
            "flag_report", "moderation_report",
            // accounts (V23): when an account was created and confirmed, and its declared neighbourhood, birth year and sex; no name or e-mail.
            "account_demographics",
            // town (V24): category and neighbourhood names, for figures labelled, grouped or sorted by them in SQL.
            "category_public", "neighbourhood_public",
            // ideas (V26), comments (V27): who took part, for reporting's participants, which it folds from the owners' journals:
            // ideas with their author, supports with who gave them, comments with their author.
            "idea_participation", "support_participation", "comment_participation");

    /** A migration file name: its version, then its module and what it does. */
    static final Pattern MIGRATION_NAME = Pattern.compile("V(\\d+)__([a-z0-9_]+)\\.sql");
    private static final Pattern CREATES = Pattern.compile(
            "(?i)\\bcreate\\s+(?:or\\s+replace\\s+)?(table|view|materialized\\s+view)\\s+(?:if\\s+not\\s+exists\\s+)?(?:public\\.)?([a-z_][a-z0-9_]*)");
    private static final Pattern DROPS = Pattern.compile(
            "(?i)\\bdrop\\s+(?:table|view|materialized\\s+view)\\s+(?:if\\s+exists\\s+)?(?:public\\.)?([a-z_][a-z0-9_]*)");

    /** A table or view, the migration that created it, its owner, and whether it is a view. */
    record Owned(String name, String owner, String migration, boolean view) {
    }

    /** The schema's tables and views and their owners, or the problems that prevent knowing them. */
    record Ownership(Map<String, Owned> owned, List<String> problems) {

        String ownerOf(String table) {
            Owned found = owned.get(table);
            return found == null ? null : found.owner();
        }

        boolean isPublishedView(String table) {
            Owned found = owned.get(table);
            return found != null && found.view() && PUBLISHED_VIEWS.contains(table);
        }
    }

    private TableOwners() {
    }

    static Ownership read(Set<String> modules) {
        Map<String, Owned> owned = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path migration : migrations()) {
            String file = migration.getFileName().toString();
            Matcher name = MIGRATION_NAME.matcher(file);
            if (!name.matches()) {
                problems.add(file + ": not a migration name (V<n>__<module>_<what>.sql, lower case)");
                continue;
            }
            int version = Integer.parseInt(name.group(1));
            String namedAfter = name.group(2).split("_")[0];
            boolean ownerInName = version >= FIRST_AFTER_LEGACY && modules.contains(namedAfter);
            if (version >= NAMED_AFTER_MODULE_FROM && !ownerInName) {
                problems.add(file + ": name a migration after the module that owns what it changes, V" + version
                        + "__<module>_<what>.sql, with <module> one of " + modules);
                continue;
            }
            String sql = withoutComments(read(migration));
            Matcher drops = DROPS.matcher(sql);
            while (drops.find()) {
                owned.remove(drops.group(1).toLowerCase(Locale.ROOT));
            }
            Matcher creates = CREATES.matcher(sql);
            while (creates.find()) {
                String created = creates.group(2).toLowerCase(Locale.ROOT);
                boolean view = !creates.group(1).equalsIgnoreCase("table");
                String declared = DECLARED.get(created);
                String owner;
                if (declared != null) {
                    owner = declared;
                    if (ownerInName && !declared.equals(namedAfter)) {
                        problems.add(file + " creates " + created + " for module " + namedAfter + ", but TableOwners.DECLARED says "
                                + declared + ": remove it from DECLARED (the migration's name says its owner)");
                    }
                } else if (ownerInName) {
                    owner = namedAfter;
                } else {
                    problems.add(file + " creates " + (view ? "view " : "table ") + created
                            + ", which has no owner: declare it in TableOwners.DECLARED, or name the migration after its module"
                            + " (V<n>__<module>_<what>.sql)");
                    continue;
                }
                owned.put(created, new Owned(created, owner, file, view));
            }
        }
        DECLARED.forEach((table, owner) -> {
            if (!modules.contains(owner)) {
                problems.add("TableOwners.DECLARED gives " + table + " to " + owner + ", which is not a module: " + modules);
            }
            if (!owned.containsKey(table)) {
                problems.add("TableOwners.DECLARED names " + table + ", which no migration creates (or one drops): remove it");
            }
        });
        for (String view : PUBLISHED_VIEWS) {
            Owned found = owned.get(view);
            if (found == null || !found.view()) {
                problems.add("TableOwners.PUBLISHED_VIEWS names " + view + ", which no migration creates as a view");
            }
        }
        return new Ownership(owned, problems);
    }

    /** The migrations, in version order. */
    static List<Path> migrations() {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".sql"))
                    .sorted((a, b) -> Integer.compare(version(a), version(b)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int version(Path migration) {
        Matcher name = MIGRATION_NAME.matcher(migration.getFileName().toString());
        return name.matches() ? Integer.parseInt(name.group(1)) : Integer.MAX_VALUE;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String withoutComments(String sql) {
        return sql.replaceAll("--[^\n]*", "").replaceAll("(?s)/\\*.*?\\*/", "");
    }
}
