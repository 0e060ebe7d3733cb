package org.participe.ideas.internal;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.i18n.I18NProvider;
import org.participe.base.i18n.SupportedLocales;
import org.participe.base.privacy.PersonalData;
import org.participe.base.privacy.PersonalDataSet;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's ideas and supports. Supports always stay, counted and anonymous once the account is
 * erased; ideas stay under "deleted account", or lose their text and photo when the person asks.
 */
@Component
@Order(10)
class IdeaPersonalData implements PersonalData {

    private final JdbcClient jdbc;
    private final I18NProvider translations;

    IdeaPersonalData(JdbcClient jdbc, I18NProvider translations) {
        this.jdbc = jdbc;
        this.translations = translations;
    }

    @Override
    public List<PersonalDataSet> export(long accountId) {
        return List.of(
                PersonalDataSet.query(jdbc, "ideas", """
                        select i.id, i.title, i.description, c.name_fr as category, n.name as neighbourhood, i.status, i.hidden,
                               i.hidden_reason, i.has_photo, i.created_at, i.published_at, i.updated_at
                        from idea i join category c on c.id = i.category_id left join neighbourhood n on n.id = i.neighbourhood_id
                        where i.author_id = ? order by i.id""", accountId),
                PersonalDataSet.query(jdbc, "supports", """
                        select s.idea_id, i.title as idea_title, s.created_at
                        from support s join idea i on i.id = s.idea_id where s.account_id = ? order by s.created_at""", accountId));
    }

    @Override
    public void erase(long accountId, boolean eraseContributions) {
        if (!eraseContributions) {
            return;
        }
        Locale town = SupportedLocales.DEFAULT;
        jdbc.sql("delete from idea_photo where idea_id in (select id from idea where author_id = ?)").param(accountId).update();
        jdbc.sql("update idea set title = ?, description = ?, has_photo = false, version = version + 1 where author_id = ?")
                .params(translations.getTranslation("my-data.erased.idea.title", town),
                        translations.getTranslation("my-data.erased.idea.description", town), accountId)
                .update();
        jdbc.sql("update idea_event set text = null where actor_id = ? and kind = 'WITHDRAWN'").param(accountId).update();
    }
}
