package org.participe.privacy.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.participe.base.TownZone;
import org.participe.base.i18n.LocalePreference;
import org.participe.base.i18n.SupportedLocales;
import org.participe.privacy.PrivacyService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Downloads a copy of one's data. Signing in is required (the security configuration sends a
 * visitor to the login page and back here); the service lets only the link's owner through.
 * Anyone else, or a link past its seven days, is sent to their own "my data" page, which says
 * the link is unknown or expired (it does not say whose it is).
 */
@RestController
class DataExportController {

    private final PrivacyService privacy;
    private final LocalePreference localePreference;

    DataExportController(PrivacyService privacy, LocalePreference localePreference) {
        this.privacy = privacy;
        this.localePreference = localePreference;
    }

    @GetMapping("/my-data/export/{id}")
    void download(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        UUID exportId = parse(id);
        if (exportId == null || !privacy.isMyValidExport(exportId)) {
            // Someone else's link, an expired one or none: back to one's own page, which says so.
            response.sendRedirect(request.getContextPath() + "/my-data?link=unknown");
            return;
        }
        Locale language = localePreference.forCurrentUser().orElse(SupportedLocales.DEFAULT);
        String fileName = ("fr".equals(language.getLanguage()) ? "mes-donnees-participe-" : "my-participe-data-")
                + LocalDate.now(TownZone.zone()) + ".zip";
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        privacy.writeExport(exportId, language, response.getOutputStream());
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
