package org.participe.architecture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The triggers, functions and views the migrations leave in the schema, each with the module whose
 * migration last wrote it, read by {@link SqlOwnershipTests}: SQL kept in the database is a
 * module's code too. A trigger goes on a table of its own module (the owner of a table is the one
 * told when it changes, see how reporting follows ideas in the README); the body of a function and
 * the definition of a view name only the tables of their module and the views other modules publish
 * ({@link TableOwners#PUBLISHED_VIEWS}).
 * <p>
 * Migrations are append-only, so what counts is what the last migration leaves: an object dropped
 * or replaced later is not checked (V5, V6, V8 and V15 put reporting's triggers on the tables of
 * ideas and comments; V26 to V28 replaced them). A migration's module is the one its name gives
 * ({@code V<n>__<module>_<what>.sql}); the names of the migrations before V14 do not always say it,
 * so {@link #LEGACY_MODULES} does.
 */
final class MigrationObjects {

    /** The module of a migration before V14 whose name does not start with one; null: it must define no trigger, function or view. */
    static final Map<Integer, String> LEGACY_MODULES = Map.of(
            6, "reporting",   // V6__participant_days.sql
            7, "ideas",       // V7__idea_counts.sql
            8, "reporting");  // V8__deferred_rollups.sql

    private static final Pattern FUNCTION = Pattern.compile(
            "(?is)\\bcreate\\s+(?:or\\s+replace\\s+)?function\\s+(?:public\\.)?([a-z_][a-z0-9_]*)\\s*\\([^;]*?\\bas\\s+(\\$[a-z_]*\\$)(.*?)\\2");
    private static final Pattern DROP_FUNCTION = Pattern.compile("(?i)\\bdrop\\s+function\\s+(?:if\\s+exists\\s+)?(?:public\\.)?([a-z_][a-z0-9_]*)");
    private static final Pattern TRIGGER = Pattern.compile(
            "(?is)\\bcreate\\s+(?:or\\s+replace\\s+)?(?:constraint\\s+)?trigger\\s+([a-z_][a-z0-9_]*)\\s.*?\\bon\\s+(?:public\\.)?([a-z_][a-z0-9_]*)");
    private static final Pattern DROP_TRIGGER = Pattern.compile(
            "(?i)\\bdrop\\s+trigger\\s+(?:if\\s+exists\\s+)?([a-z_][a-z0-9_]*)\\s+on\\s+(?:public\\.)?([a-z_][a-z0-9_]*)");
    private static final Pattern VIEW = Pattern.compile(
            "(?is)\\bcreate\\s+(?:or\\s+replace\\s+)?(?:materialized\\s+)?view\\s+(?:if\\s+not\\s+exists\\s+)?(?:public\\.)?([a-z_][a-z0-9_]*)\\s+as\\s+(.*?);");
    private static final Pattern DROP_VIEW = Pattern.compile("(?i)\\bdrop\\s+(?:materialized\\s+)?view\\s+(?:if\\s+exists\\s+)?(?:public\\.)?([a-z_][a-z0-9_]*)");

    enum Kind { TRIGGER, FUNCTION, VIEW }

    /** A trigger (with the table it is on), a function or a view (with the SQL they hold), and the migration that last wrote it. */
    record SqlObject(Kind kind, String name, String module, String migration, String table, String sql) {
    }

    /** A migration's file name and text. */
    record Migration(String file, String sql) {
    }

    private MigrationObjects() {
    }

    static List<Migration> migrations() {
        return TableOwners.migrations().stream().map(path -> new Migration(path.getFileName().toString(), TableOwners.read(path))).toList();
    }

    /** What {@code migrations}, applied in order, leave in the schema; a problem when a migration's module is unknown. */
    static List<SqlObject> left(List<Migration> migrations, Set<String> modules, List<String> problems) {
        Map<String, SqlObject> objects = new LinkedHashMap<>();
        for (Migration migration : migrations) {
            String module = moduleOf(migration.file(), modules);
            String sql = TableOwners.withoutComments(migration.sql());
            // Drops first, then creations: a migration that drops and creates the same name keeps the new one.
            Matcher drops = DROP_TRIGGER.matcher(sql);
            while (drops.find()) {
                objects.remove(key(Kind.TRIGGER, lower(drops.group(1)) + " on " + lower(drops.group(2))));
            }
            drops = DROP_FUNCTION.matcher(sql);
            while (drops.find()) {
                objects.remove(key(Kind.FUNCTION, lower(drops.group(1))));
            }
            drops = DROP_VIEW.matcher(sql);
            while (drops.find()) {
                objects.remove(key(Kind.VIEW, lower(drops.group(1))));
            }
            List<SqlObject> created = new ArrayList<>();
            Matcher functions = FUNCTION.matcher(sql);
            while (functions.find()) {
                created.add(new SqlObject(Kind.FUNCTION, lower(functions.group(1)), module, migration.file(), null, functions.group(3)));
            }
            // Function bodies may hold text that looks like a trigger or a view: searched outside them.
            String outsideBodies = FUNCTION.matcher(sql).replaceAll(" ");
            Matcher triggers = TRIGGER.matcher(outsideBodies);
            while (triggers.find()) {
                created.add(new SqlObject(Kind.TRIGGER, lower(triggers.group(1)) + " on " + lower(triggers.group(2)), module, migration.file(),
                        lower(triggers.group(2)), ""));
            }
            Matcher views = VIEW.matcher(outsideBodies);
            while (views.find()) {
                created.add(new SqlObject(Kind.VIEW, lower(views.group(1)), module, migration.file(), null, views.group(2)));
            }
            if (module == null && !created.isEmpty()) {
                problems.add(migration.file() + " defines " + created.stream().map(SqlObject::name).toList()
                        + " but its name says no module: add it to MigrationObjects.LEGACY_MODULES");
            }
            created.forEach(object -> objects.put(key(object.kind(), object.name()), object));
        }
        return List.copyOf(objects.values());
    }

    /** Where a trigger, function or view of {@code objects} reaches outside its module. */
    static List<String> violations(List<SqlObject> objects, TableOwners.Ownership ownership) {
        List<String> violations = new ArrayList<>();
        for (SqlObject object : objects) {
            if (object.module() == null) {
                continue;
            }
            if (object.kind() == Kind.TRIGGER) {
                String owner = ownership.ownerOf(object.table());
                if (owner != null && !owner.equals(object.module())) {
                    violations.add(object.migration() + ": trigger " + object.name() + " is in a migration of " + object.module()
                            + ", but " + object.table() + " belongs to " + owner
                            + " (the owner journals its changes and publishes a view; the follower folds them)");
                }
                continue;
            }
            for (SqlTables.Reference reference : SqlTables.references(object.sql(), Map.of())) {
                String owner = ownership.ownerOf(reference.table());
                if (owner == null || owner.equals(object.module())) {
                    continue;
                }
                if (ownership.isPublishedView(reference.table()) && !reference.write()) {
                    continue;
                }
                violations.add(object.migration() + ": " + object.kind().name().toLowerCase(Locale.ROOT) + " " + object.name() + " of "
                        + object.module() + (reference.write() ? " writes " : " reads ") + reference.table() + ", owned by " + owner);
            }
        }
        return violations;
    }

    /** The module a migration belongs to, or null when neither its name nor {@link #LEGACY_MODULES} says. */
    static String moduleOf(String file, Set<String> modules) {
        Matcher name = TableOwners.MIGRATION_NAME.matcher(file);
        if (!name.matches()) {
            return null;
        }
        String legacy = LEGACY_MODULES.get(Integer.parseInt(name.group(1)));
        if (legacy != null) {
            return legacy;
        }
        String namedAfter = name.group(2).split("_")[0];
        return modules.contains(namedAfter) ? namedAfter : null;
    }

    private static String key(Kind kind, String name) {
        return kind + " " + name;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
