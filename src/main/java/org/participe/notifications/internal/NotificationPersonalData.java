package org.participe.notifications.internal;

import java.util.List;

import org.participe.base.privacy.PersonalData;
import org.participe.base.privacy.PersonalDataSet;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The notifications a person received and how they chose to get them; both go with the account. */
@Component
@Order(40)
class NotificationPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    NotificationPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<PersonalDataSet> export(long accountId) {
        return List.of(
                PersonalDataSet.query(jdbc, "notifications", """
                        select kind, target_type, target_id, subject, detail, created_at, read_at, emailed_at
                        from notification where recipient_id = ? order by created_at""", accountId),
                PersonalDataSet.query(jdbc, "notification_preferences",
                        "select kind, mode from notification_preference where account_id = ? order by kind", accountId));
    }

    @Override
    public void erase(long accountId, boolean eraseContributions) {
        jdbc.sql("delete from notification where recipient_id = ?").param(accountId).update();
        jdbc.sql("delete from notification_preference where account_id = ?").param(accountId).update();
    }
}
