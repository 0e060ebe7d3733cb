package org.participe.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.participe.test.Security.as;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

import com.vaadin.flow.i18n.I18NProvider;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.participe.base.content.ContentKey;
import org.participe.ideas.IdeaDraft;
import org.participe.ideas.IdeaService;
import org.participe.moderation.AuditFilter;
import org.participe.moderation.ModerationAudit;
import org.participe.moderation.ModerationReason;
import org.participe.moderation.ModerationService;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.TestData;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Exports speak the reader's language: the ideas' status in words, the audit's headers and values too. */
@SpringBootTest
class ReadableExportsIT {

    @Autowired ReportingService reporting;
    @Autowired ModerationAudit audit;
    @Autowired ModerationService moderation;
    @Autowired IdeaService ideas;
    @Autowired TownService town;
    @Autowired TestData data;
    @Autowired I18NProvider translations;
    @Autowired Clock clock;

    private ParticipeUser author;
    private long ideaId;
    private String name;

    @BeforeEach
    void anIdea() {
        data.ensureTown();
        name = "export-" + UUID.randomUUID().toString().substring(0, 8);
        author = data.confirmedAccount(name, Roles.RESIDENT);
        long category = town.activeCategories().getFirst().id();
        ideaId = as(author, () -> ideas.propose(new IdeaDraft("Une idée pour un export lisible " + name,
                "Une description assez longue pour être acceptée par le service.", category, null, null)));
    }

    private Function<String, String> in(Locale locale) {
        return key -> translations.getTranslation(key, locale);
    }

    @Test
    void theIdeasExportShowsTheStatusInWordsUnderHeadersOfTheSameLanguage() throws Exception {
        ParticipeUser staff = data.confirmedAccount("export-staff", Roles.STAFF);
        ReportPeriod period = ReportPeriod.thisMonth(clock);

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        as(staff, () -> reporting.export(ExportKind.IDEAS, ExportFormat.CSV, period, ReportFilter.none(), in(Locale.FRENCH), csv));
        String[] lines = csv.toString(StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines[0]).startsWith("\uFEFF\"Numéro\";\"Titre\";\"Statut\";");
        String row = Arrays.stream(lines).filter(line -> line.startsWith(ideaId + ";")).findFirst().orElseThrow();
        assertThat(row).contains(";\"Publiée\";");
        assertThat(Arrays.copyOfRange(lines, 1, lines.length))
                .noneMatch(line -> List.of("PUBLISHED", "UNDER_REVIEW", "ACCEPTED", "REJECTED", "IN_PROGRESS", "DONE").stream()
                        .anyMatch(code -> line.contains("\"" + code + "\"")));

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        as(staff, () -> reporting.export(ExportKind.IDEAS, ExportFormat.XLSX, period, ReportFilter.none(), in(Locale.ENGLISH), xlsx));
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo(translations.getTranslation("reports.csv.idea.status", Locale.ENGLISH));
            boolean found = false;
            for (var sheetRow : sheet) {
                if (sheetRow.getRowNum() > 0 && sheetRow.getCell(1).getStringCellValue().endsWith(name)) {
                    assertThat(sheetRow.getCell(2).getStringCellValue()).isEqualTo("Published");
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
    }

    @Test
    void theAuditCsvHasHeadersAndValuesInTheReadersLanguage() {
        ParticipeUser official = data.confirmedAccount("export-official", Roles.OFFICIAL, Roles.RESIDENT);
        as(official, () -> moderation.hide(List.of(moderation.current(ContentKey.idea(ideaId))), ModerationReason.OFF_TOPIC, null));
        AuditFilter mine = new AuditFilter(null, null, name, null, null);

        StringWriter english = new StringWriter();
        as(official, () -> audit.writeCsv(mine, english, Locale.ENGLISH));
        String[] lines = english.toString().split("\r\n");
        assertThat(lines[0]).isEqualTo("\uFEFF\"Date\";\"By\";\"Action\";\"Content\";\"Person concerned\";\"Reason or status\";\"Note\";\"Before\";\"After\"");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).contains(";\"Hidden\";\"Idea no. " + ideaId + "\";", ";\"Off-topic\";", ";\"visible\";\"hidden: Off-topic\"")
                .doesNotContain("OFF_TOPIC", "HIDE;", "IDEA:");

        StringWriter french = new StringWriter();
        as(official, () -> audit.writeCsv(mine, french, Locale.FRENCH));
        assertThat(french.toString().split("\r\n")[1]).contains(";\"Masquage\";\"Idée n° " + ideaId + "\";", ";\"Hors sujet\";",
                ";\"visible\";\"masqué : Hors sujet\"");
    }
}
