package org.participe.privacy.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.vaadin.flow.i18n.I18NProvider;
import org.participe.base.CsvCell;
import org.participe.base.TownZone;
import org.participe.base.privacy.PersonalDataSet;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's data as an ordinary ZIP that any system opens: for each table a JSON file (for
 * machines) and a CSV file (UTF-8 with BOM and semicolons, for French spreadsheets), and a
 * README in the person's language that says what each file holds.
 */
@Component
public class DataExportArchive {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final I18NProvider translations;

    DataExportArchive(I18NProvider translations) {
        this.translations = translations;
    }

    public void write(List<PersonalDataSet> sets, Locale language, Instant now, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry(readmeName(language)));
        zip.write(readme(sets, language, now).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        for (PersonalDataSet set : sets) {
            zip.putNextEntry(new ZipEntry(set.name() + ".json"));
            zip.write(JSON.writeValueAsBytes(set.rows().stream().map(row -> asObject(set.columns(), row)).toList()));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(set.name() + ".csv"));
            Writer csv = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            csv.write('\uFEFF');
            csv.write(String.join(";", set.columns()) + "\r\n");
            for (List<Object> row : set.rows()) {
                csv.write(String.join(";", row.stream().map(DataExportArchive::csvCell).toList()) + "\r\n");
            }
            csv.flush();
            zip.closeEntry();
        }
        zip.finish();
    }

    private static String readmeName(Locale language) {
        return "fr".equals(language.getLanguage()) ? "LISEZMOI.txt" : "README.txt";
    }

    private String readme(List<PersonalDataSet> sets, Locale language, Instant now) {
        String date = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(language)
                .format(now.atZone(TownZone.zone()));
        StringBuilder text = new StringBuilder(translations.getTranslation("my-data.readme.intro", language, date)).append("\r\n\r\n");
        for (PersonalDataSet set : sets) {
            text.append(set.name()).append(".json, ").append(set.name()).append(".csv (")
                    .append(translations.getTranslation("my-data.readme.rows", language, set.rows().size())).append(")\r\n  ")
                    .append(translations.getTranslation("my-data.file." + set.name(), language)).append("\r\n  ")
                    .append(translations.getTranslation("my-data.readme.columns", language, String.join(", ", set.columns())))
                    .append("\r\n\r\n");
        }
        text.append(translations.getTranslation("my-data.readme.formats", language)).append("\r\n");
        return text.toString();
    }

    private static Map<String, Object> asObject(List<String> columns, List<Object> row) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            Object value = row.get(i);
            object.put(columns.get(i), value instanceof Instant instant ? instant.toString() : value);
        }
        return object;
    }

    private static String csvCell(Object value) {
        return switch (value) {
            case null -> "";
            case Number number -> number.toString();
            case Boolean bool -> bool.toString();
            default -> CsvCell.of(value.toString());
        };
    }
}
