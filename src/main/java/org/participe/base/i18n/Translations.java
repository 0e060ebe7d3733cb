package org.participe.base.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import com.vaadin.flow.i18n.I18NProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Texts from {@code vaadin-i18n/translations*.properties}: English in the base file, French in
 * {@code _fr}. Unlike Java's default lookup, a missing language never falls back to the server's
 * own default locale (an English page on a French server would otherwise come out in French):
 * it falls back to the base file only.
 */
public class Translations implements I18NProvider {

    private static final Logger log = LoggerFactory.getLogger(Translations.class);
    private static final String BUNDLE = "vaadin-i18n.translations";
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return SupportedLocales.ALL;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale language = SupportedLocales.resolve(locale == null ? null : locale.toLanguageTag());
        try {
            String text = ResourceBundle.getBundle(BUNDLE, language, Translations.class.getClassLoader(), NO_DEFAULT_LOCALE).getString(key);
            return params.length == 0 ? text : new MessageFormat(text, language).format(params);
        } catch (MissingResourceException e) {
            log.warn("Missing translation {} for {}", key, language);
            return "!" + key;
        }
    }
}
