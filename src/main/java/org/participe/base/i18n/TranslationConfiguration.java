package org.participe.base.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The translations, for views and for what is written outside a view (e-mails). */
@Configuration(proxyBeanMethods = false)
class TranslationConfiguration {

    @Bean
    I18NProvider i18nProvider() {
        return new Translations();
    }
}
