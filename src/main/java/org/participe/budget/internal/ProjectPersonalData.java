package org.participe.budget.internal;

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
 * The budget projects a person proposed. They stay under "deleted account" (the vote may have
 * counted them), or lose their text, place and photo when the person asks.
 */
@Component
@Order(15)
class ProjectPersonalData implements PersonalData {

    private final JdbcClient jdbc;
    private final I18NProvider translations;

    ProjectPersonalData(JdbcClient jdbc, I18NProvider translations) {
        this.jdbc = jdbc;
        this.translations = translations;
    }

    @Override
    public List<PersonalDataSet> export(long accountId) {
        return List.of(PersonalDataSet.query(jdbc, "budget-projects", """
                select p.id, c.title as campaign, p.title, p.description, p.location, p.estimated_cost_cents, p.cost_cents, p.status,
                       p.review_answer, p.has_photo, p.photo_description, p.created_at, p.updated_at
                from budget_project p join budget_campaign c on c.id = p.campaign_id where p.author_id = ? order by p.id""", accountId));
    }

    @Override
    public void erase(long accountId, boolean eraseContributions) {
        if (!eraseContributions) {
            return;
        }
        Locale town = SupportedLocales.DEFAULT;
        jdbc.sql("delete from budget_project_photo where project_id in (select id from budget_project where author_id = ?)").param(accountId).update();
        jdbc.sql("""
                        update budget_project set title = ?, description = ?, location = null, has_photo = false, photo_description = null,
                               version = version + 1
                        where author_id = ?""")
                .params(translations.getTranslation("my-data.erased.budget-project.title", town),
                        translations.getTranslation("my-data.erased.budget-project.description", town), accountId)
                .update();
    }
}
