package org.participe.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every text exists in French and in English, and every key the code asks for exists. */
class TranslationsTest {

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TranslationsTest.class.getResourceAsStream("/vaadin-i18n/" + name);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void frenchAndEnglishHaveTheSameKeysAndNoEmptyText() throws IOException {
        Properties english = load("translations.properties");
        Properties french = load("translations_fr.properties");
        assertThat(new TreeSet<>(french.stringPropertyNames())).as("keys missing in French or in English")
                .isEqualTo(new TreeSet<>(english.stringPropertyNames()));
        english.forEach((key, value) -> assertThat(value.toString()).as("English " + key).isNotBlank());
        french.forEach((key, value) -> assertThat(value.toString()).as("French " + key).isNotBlank());
    }

    @Test
    void noKeyIsDefinedTwiceInAFile() throws IOException {
        for (String name : new String[]{"translations.properties", "translations_fr.properties"}) {
            Map<String, Integer> seen = new HashMap<>();
            try (InputStream in = TranslationsTest.class.getResourceAsStream("/vaadin-i18n/" + name)) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                        seen.merge(line.substring(0, line.indexOf('=')).strip(), 1, Integer::sum);
                    }
                }
            }
            assertThat(seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey))
                    .as("keys defined twice in " + name).isEmpty();
        }
    }

    @Test
    void everyKeyTheCodeNamesLiterallyIsTranslated() throws IOException {
        Set<String> known = load("translations_fr.properties").stringPropertyNames();
        Pattern literal = Pattern.compile("(?:getTranslation|translate|reject|InvalidInputException\\.of|new FieldError|TooManyRequestsException|title =)\\((?:locale, |\"[a-zA-Z]+\", )?\"([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)\"");
        Pattern menuTitle = Pattern.compile("title = \"([a-z][a-z0-9.-]+)\"");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(source);
                for (Pattern pattern : new Pattern[]{literal, menuTitle}) {
                    Matcher matcher = pattern.matcher(code);
                    while (matcher.find()) {
                        if (!known.contains(matcher.group(1))) {
                            missing.add(matcher.group(1) + " (" + source.getFileName() + ")");
                        }
                    }
                }
            }
        }
        assertThat(missing).as("keys used in code but absent from the translations").isEmpty();
    }
}
