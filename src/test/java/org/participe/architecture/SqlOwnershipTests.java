package org.participe.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SQL twin of {@code ModularityTests}: each module names in SQL only its own tables and the
 * views other modules publish for it to read ({@link TableOwners}). Spring Modulith sees the Java
 * dependencies between modules, not the tables a string names, so a module reading another's
 * table would hide a dependency (often a cycle) from it. Scans every string literal and text
 * block of the main code ({@code jdbc.sql(…)}, {@code @Query}, constants that hold SQL) and the
 * JPA mappings ({@code @Table}), plus any {@code .sql} file outside the migrations.
 * <p>
 * The violations that remain from before the rule are listed in {@value #KNOWN_VIOLATIONS} and
 * may only go away: a new one fails, and so does a listed one that no longer occurs (remove its
 * line).
 */
class SqlOwnershipTests {

    static final Path MAIN_CODE = Path.of("src/main/java/org/participe");
    static final Path MAIN_RESOURCES = Path.of("src/main/resources");
    static final String KNOWN_VIOLATIONS = "src/test/resources/architecture/known-sql-violations.txt";

    /** One place where a module names a table it does not own. */
    record Violation(String file, int line, String table, String owner, String module, boolean write) {

        String key() {
            return file + " " + table;
        }

        @Override
        public String toString() {
            return file + ":" + line + " " + (write ? "writes " : "reads ") + table + ", owned by " + owner + " (this file is in " + module + ")";
        }
    }

    private static Set<String> modules;
    private static TableOwners.Ownership ownership;

    @BeforeAll
    static void readTheSchema() {
        modules = modules();
        ownership = TableOwners.read(modules);
    }

    @Test
    void everyTableAndViewHasOneOwningModule() {
        assertThat(ownership.problems()).as("ownership of the schema (see TableOwners)").isEmpty();
    }

    @Test
    void modulesNameInSqlOnlyTheirOwnTablesAndPublishedViews() {
        List<Violation> violations = violations(ownership);
        Set<String> known = knownViolations();
        List<String> unknown = violations.stream().filter(v -> !known.contains(v.key())).map(Violation::toString).toList();
        Set<String> occurring = violations.stream().map(Violation::key).collect(Collectors.toSet());
        List<String> gone = known.stream().filter(key -> !occurring.contains(key)).toList();

        assertThat(unknown)
                .as("SQL naming another module's table: call the owner's service, listen to its events, or read a view it"
                        + " publishes (TableOwners.PUBLISHED_VIEWS)")
                .isEmpty();
        assertThat(gone).as("fixed, well done: remove these lines from " + KNOWN_VIOLATIONS).isEmpty();
    }

    /**
     * Triggers, functions and views kept in the database are a module's code too (see
     * {@link MigrationObjects}). Those the migrations leave go on their own module's tables and name
     * only its tables and the views others publish.
     */
    @Test
    void triggersFunctionsAndViewsOfTheMigrationsStayInTheirModule() {
        List<String> problems = new ArrayList<>();
        List<MigrationObjects.SqlObject> left = MigrationObjects.left(MigrationObjects.migrations(), modules, problems);
        assertThat(problems).as("the module of each migration (MigrationObjects.LEGACY_MODULES)").isEmpty();
        assertThat(left).as("triggers, functions and views found").hasSizeGreaterThan(20);
        assertThat(MigrationObjects.violations(left, ownership))
                .as("a trigger on another module's table, or SQL in a function or view naming another module's table: journal the"
                        + " change in the owner's migration and read the view it publishes (README, how a module follows another's changes)")
                .isEmpty();
    }

    /** The check above fails on what the migrations left before V26 and on a planted cross-module trigger. */
    @Test
    void theMigrationCheckCatchesReportingsOldTriggersAndAPlantedOne() {
        List<MigrationObjects.Migration> all = MigrationObjects.migrations();
        List<MigrationObjects.Migration> beforeTheJournals = all.stream()
                .filter(m -> Integer.parseInt(m.file().replaceAll("^V(\\d+)__.*", "$1")) < 26).toList();
        List<String> old = MigrationObjects.violations(MigrationObjects.left(beforeTheJournals, modules, new ArrayList<>()), ownership);
        assertThat(old).anyMatch(v -> v.contains("trigger support_rollups on support is in a migration of reporting, but support belongs to ideas"))
                .anyMatch(v -> v.contains("trigger comment_rollups on comment is in a migration of reporting, but comment belongs to comments"))
                .anyMatch(v -> v.contains("trigger idea_participants on idea is in a migration of reporting"))
                .anyMatch(v -> v.contains("function reporting_use_town_zone of reporting writes idea, owned by ideas"))
                .anyMatch(v -> v.contains("function rebuild_activity_daily of reporting reads support, owned by ideas"));

        List<MigrationObjects.Migration> planted = new ArrayList<>(all);
        planted.add(new MigrationObjects.Migration("V999__notifications_planted.sql", """
                create function notify_on_comment() returns trigger language plpgsql as $$
                begin
                    insert into notification (account_id) select author_id from idea where id = new.target_id;
                    return null;
                end $$;
                create trigger comment_notify after insert on comment for each row execute function notify_on_comment();
                create view notification_ideas as select n.id, i.title from notification n join idea i on i.id = n.id;
                """));
        assertThat(MigrationObjects.violations(MigrationObjects.left(planted, modules, new ArrayList<>()), ownership)).containsExactlyInAnyOrder(
                "V999__notifications_planted.sql: function notify_on_comment of notifications reads idea, owned by ideas",
                "V999__notifications_planted.sql: trigger comment_notify on comment is in a migration of notifications, but comment belongs to"
                        + " comments (the owner journals its changes and publishes a view; the follower folds them)",
                "V999__notifications_planted.sql: view notification_ideas of notifications reads idea, owned by ideas");
    }

    /** Every place in the main code where a module names a table or view it may not. */
    static List<Violation> violations(TableOwners.Ownership ownership) {
        List<Path> files = files(MAIN_CODE, ".java");
        Map<String, String> entityTables = new HashMap<>();
        for (Path file : files) {
            entityTables.putAll(JavaStrings.entityTables(read(file)));
        }
        List<Violation> violations = new ArrayList<>();
        for (Path file : files) {
            String source = read(file);
            String relative = MAIN_CODE.relativize(file).toString().replace('\\', '/');
            String module = relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : "";
            List<SqlTables.Reference> references = new ArrayList<>(JavaStrings.mappedTables(source));
            for (JavaStrings.Literal literal : JavaStrings.literals(source)) {
                for (SqlTables.Reference reference : SqlTables.references(literal.text(), entityTables)) {
                    references.add(new SqlTables.Reference(reference.table(), literal.offset() + reference.offset(), reference.write()));
                }
            }
            check(relative, module, source, references, ownership, violations);
        }
        for (Path file : files(MAIN_RESOURCES, ".sql")) {
            if (file.startsWith(TableOwners.MIGRATIONS)) {
                continue;
            }
            // A SQL file belongs to the module named by its first folder under resources (e.g. ideas/search.sql).
            String relative = MAIN_RESOURCES.relativize(file).toString().replace('\\', '/');
            String module = relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : "";
            String source = read(file);
            check("resources/" + relative, module, source, SqlTables.references(source, Map.of()), ownership, violations);
        }
        return violations;
    }

    private static void check(String file, String module, String source, List<SqlTables.Reference> references,
                              TableOwners.Ownership ownership, List<Violation> violations) {
        for (SqlTables.Reference reference : references) {
            String owner = ownership.ownerOf(reference.table());
            if (owner == null || owner.equals(module)) {
                continue;
            }
            if (ownership.isPublishedView(reference.table()) && !reference.write()) {
                continue;
            }
            violations.add(new Violation(file, JavaStrings.lineOf(source, reference.offset()), reference.table(), owner, module, reference.write()));
        }
    }

    /** The lines of {@value #KNOWN_VIOLATIONS}: {@code <file under org/participe> <table>}, {@code #} starts a comment. */
    static Set<String> knownViolations() {
        Set<String> known = new LinkedHashSet<>();
        for (String line : read(Path.of(KNOWN_VIOLATIONS)).lines().toList()) {
            String entry = line.replaceAll("#.*", "").trim().replaceAll("\\s+", " ");
            if (!entry.isEmpty()) {
                known.add(entry);
            }
        }
        return known;
    }

    /** The top-level packages under org.participe, as Spring Modulith sees them. */
    static Set<String> modules() {
        try (Stream<Path> children = Files.list(MAIN_CODE)) {
            return children.filter(Files::isDirectory).map(path -> path.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> files(Path root, String extension) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(path -> path.toString().endsWith(extension)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
