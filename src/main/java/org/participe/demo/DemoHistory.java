package org.participe.demo;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives the demo town a past: the services date everything "now", so once seeded, ideas still
 * dated today are spread over the last ten months, each support and comment between its idea's
 * publication and today (most supports early, as they come in real life), and each account is
 * dated before its first contribution. The reporting rollup is then rebuilt from the moved
 * activity, so that the dashboard's weekly chart shows a year of participation, not one spike.
 * Ideas that {@link DemoModeration} already dated keep their dates.
 */
@Component
@ConditionalOnProperty(name = "participe.demo.enabled", havingValue = "true")
class DemoHistory {

    private final JdbcClient jdbc;

    DemoHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** All or nothing: one transaction moves every date. */
    @Transactional
    public void spread() {
        for (String sql : List.of(
                // The seeding is one transaction: the rollups the supports and comments deferred to its commit are
                // applied now, or they would be added again after the rebuild below.
                "set constraints all immediate",
                """
                update idea set published_at = at, created_at = at
                from (select id as spread_id, now() - make_interval(days => (7 + (id * 37) % 290)::int, hours => (id * 5 % 24)::int) as at
                      from idea where published_at > now() - interval '1 day') spread
                where id = spread_id""",
                """
                update moderation_item m set published_at = i.published_at, content_created_at = i.created_at
                from idea i where m.content_type = 'IDEA' and m.content_id = i.id and i.published_at is not null
                  and m.published_at is distinct from i.published_at""",
                "update idea_event e set occurred_at = i.published_at from idea i where i.id = e.idea_id and e.kind = 'PUBLISHED'",
                """
                update support s set created_at = i.published_at
                       + (now() - i.published_at) * power((abs(hashtext(s.idea_id || ':' || s.account_id)) % 1000) / 1000.0, 2)
                from idea i where i.id = s.idea_id and i.published_at is not null""",
                """
                update comment c set created_at = i.published_at + (now() - i.published_at) * ranked.n / (ranked.total + 1.0)
                from (select id as comment_id, target_id, row_number() over (partition by target_id order by id) as n,
                             count(*) over (partition by target_id) as total
                      from comment where target_type = 'IDEA') ranked, idea i
                where c.id = ranked.comment_id and i.id = ranked.target_id and i.published_at is not null""",
                """
                update moderation_item m set content_created_at = c.created_at
                from comment c where m.content_type = 'COMMENT' and m.content_id = c.id""",
                """
                update idea i set threshold_reached_at = (select s.created_at from support s where s.idea_id = i.id order by s.created_at
                                                          offset (select threshold_supports - 1 from town_settings where id = 1) limit 1)
                where i.threshold_reached_at is not null""",
                """
                update idea_event e set occurred_at = i.threshold_reached_at
                from idea i where i.id = e.idea_id and e.kind = 'THRESHOLD_REACHED' and i.threshold_reached_at is not null""",
                """
                update account a set created_at = joined.at, terms_accepted_at = joined.at, email_confirmed_at = joined.at + interval '12 minutes',
                       updated_at = joined.at
                from (select a.id as account_id,
                             least(now() - make_interval(days => (30 + a.id * 53 % 330)::int),
                                   (select min(created_at) from idea where author_id = a.id),
                                   (select min(created_at) from support where account_id = a.id),
                                   (select min(created_at) from comment where author_id = a.id)) - interval '2 days' as at
                      from account a) joined
                where a.id = joined.account_id""",
                "do $$ begin perform rebuild_activity_daily(); perform rebuild_participant_days(); end $$")) {
            jdbc.sql(sql).update();
        }
    }
}
