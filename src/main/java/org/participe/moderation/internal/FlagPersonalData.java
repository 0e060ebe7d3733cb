package org.participe.moderation.internal;

import java.util.List;

import com.vaadin.flow.i18n.I18NProvider;
import org.participe.base.i18n.SupportedLocales;
import org.participe.base.privacy.PersonalData;
import org.participe.base.privacy.PersonalDataSet;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The flags a person raised. They keep counting once the account is erased (a moderation decision
 * rests on them), anonymous; their free-text notes go when the person asks for their words to go.
 */
@Component
@Order(50)
class FlagPersonalData implements PersonalData {

    private final JdbcClient jdbc;
    private final I18NProvider translations;

    FlagPersonalData(JdbcClient jdbc, I18NProvider translations) {
        this.jdbc = jdbc;
        this.translations = translations;
    }

    @Override
    public List<PersonalDataSet> export(long accountId) {
        return List.of(PersonalDataSet.query(jdbc, "flags",
                "select content_type, content_id, reason, note, created_at, dismissed_at from flag where account_id = ? order by created_at",
                accountId));
    }

    @Override
    public void erase(long accountId, boolean eraseContributions) {
        if (eraseContributions) {
            // A flag for "another reason" keeps a note (five characters or more): a word saying it was erased.
            jdbc.sql("update flag set note = case when reason = 'OTHER' then ? end where account_id = ?")
                    .params(translations.getTranslation("my-data.erased.note", SupportedLocales.DEFAULT), accountId).update();
        }
    }
}
