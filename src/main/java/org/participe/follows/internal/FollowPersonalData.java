package org.participe.follows.internal;

import java.util.List;

import org.participe.base.privacy.PersonalData;
import org.participe.base.privacy.PersonalDataSet;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What a person follows and whether supporting follows too; a deleted account follows nothing. */
@Component
@Order(30)
class FollowPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    FollowPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<PersonalDataSet> export(long accountId) {
        return List.of(PersonalDataSet.query(jdbc, "follows",
                        "select target_type, target_id, created_at from follow where account_id = ? order by created_at", accountId),
                PersonalDataSet.query(jdbc, "follow_settings",
                        "select coalesce((select follow_on_support from follow_settings where account_id = ?), true) as follow_what_i_support",
                        accountId));
    }

    @Override
    public void erase(long accountId, boolean eraseContributions) {
        jdbc.sql("delete from follow where account_id = ?").param(accountId).update();
        jdbc.sql("delete from follow_settings where account_id = ?").param(accountId).update();
    }
}
