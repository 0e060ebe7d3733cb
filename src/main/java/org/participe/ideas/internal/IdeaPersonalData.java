package org.participe.ideas.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.i18n.I18NProvider;
import org.participe.base.i18n.SupportedLocales;
import org.participe.base.privacy.PersonalData;
import org.participe.base.privacy.PersonalDataSet;
import org.participe.town.Category;
import org.participe.town.Neighbourhood;
import org.participe.town.TownService;
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
    private final TownService town;

    IdeaPersonalData(JdbcClient jdbc, I18NProvider translations, TownService town) {
        this.jdbc = jdbc;
        this.translations = translations;
        this.town = town;
    }

    @Override
    public List<PersonalDataSet> export(long accountId) {
        return List.of(
                withTownNames(PersonalDataSet.query(jdbc, "ideas", """
                        select i.id, i.title, i.description, i.category_id as category, i.neighbourhood_id as neighbourhood, i.status, i.hidden,
                               i.hidden_reason, i.has_photo, i.created_at, i.published_at, i.updated_at
                        from idea i where i.author_id = ? order by i.id""", accountId)),
                PersonalDataSet.query(jdbc, "supports", """
                        select s.idea_id, i.title as idea_title, s.created_at
                        from support s join idea i on i.id = s.idea_id where s.account_id = ? order by s.created_at""", accountId));
    }

    /**
     * The ideas' category (its French name) and neighbourhood (none for the whole town) by name, as
     * the town module names them: its tables are its own.
     */
    private PersonalDataSet withTownNames(PersonalDataSet ideas) {
        Map<Long, String> categories = town.categories().stream().collect(Collectors.toMap(Category::id, Category::nameFr));
        Map<Long, String> neighbourhoods = town.neighbourhoods().stream().collect(Collectors.toMap(Neighbourhood::id, Neighbourhood::name));
        int category = ideas.columns().indexOf("category");
        int neighbourhood = ideas.columns().indexOf("neighbourhood");
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : ideas.rows()) {
            List<Object> named = new ArrayList<>(row);
            named.set(category, categories.get(((Number) row.get(category)).longValue()));
            named.set(neighbourhood, row.get(neighbourhood) == null ? null : neighbourhoods.get(((Number) row.get(neighbourhood)).longValue()));
            rows.add(Collections.unmodifiableList(named));
        }
        return new PersonalDataSet(ideas.name(), ideas.columns(), rows);
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
