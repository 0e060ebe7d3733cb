package org.participe.base.i18n;

import com.vaadin.flow.i18n.DefaultI18NProvider;
import com.vaadin.flow.i18n.I18NProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The translations in {@code vaadin-i18n/translations*.properties}, for views and for what is
 * written outside a view (e-mails). French is listed first: it is the default language.
 */
@Configuration(proxyBeanMethods = false)
class TranslationConfiguration {

    @Bean
    I18NProvider i18nProvider() {
        return new DefaultI18NProvider(SupportedLocales.ALL);
    }
}
