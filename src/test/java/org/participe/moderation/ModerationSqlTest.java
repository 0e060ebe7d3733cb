package org.participe.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Moderation's SQL names only its own tables and the views other modules publish: another
 * module's table is read through that module's service or published view. Every string literal of
 * the module's Java code is searched for a table the migrations create and moderation does not own.
 */
class ModerationSqlTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path MODULE = Path.of("src/main/java/org/participe/moderation");
    /** What moderation's migrations create (V4__moderation.sql, V12__flag_rules_and_links.sql). */
    private static final Set<String> OWN = Set.of("moderation_item", "flag", "moderation_audit", "answer_template", "flag_burst_alert");
    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
    private static final Pattern STRING = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);

    @Test
    void moderationNamesNoTableOfAnotherModule() throws IOException {
        Set<String> foreign = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path migration : files.toList()) {
                Matcher created = CREATE_TABLE.matcher(Files.readString(migration));
                while (created.find()) {
                    foreign.add(created.group(1).toLowerCase());
                }
            }
        }
        foreign.removeAll(OWN);
        assertThat(foreign).as("the migrations' tables").contains("account", "account_role", "idea", "comment");

        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MODULE)) {
            for (Path source : files.filter(file -> file.toString().endsWith(".java")).toList()) {
                Matcher string = STRING.matcher(Files.readString(source));
                while (string.find()) {
                    String sql = string.group(1) != null ? string.group(1) : string.group(2);
                    for (String table : foreign) {
                        if (Pattern.compile("(?i)\\b(from|join|update|into|exists)\\s*\\(?\\s*(select\\s+1\\s+from\\s+)?" + table + "\\b").matcher(sql).find()) {
                            violations.add(MODULE.relativize(source) + " reads " + table);
                        }
                    }
                }
            }
        }
        assertThat(violations).as("SQL in moderation naming another module's table").isEmpty();
    }
}
