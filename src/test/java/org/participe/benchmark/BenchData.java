package org.participe.benchmark;

import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmark's data sets, bulk-loaded in SQL (generate_series, the journal triggers of ideas and comments off, so that the journals stay empty, then the
 * rollups rebuilt once and the tables vacuumed): minutes, not hours. Random choices are seeded, so
 * two loads of a data set are the same. Popularity is skewed as in real life: the support and
 * comment targets are drawn as {@code ideas × u³}, so a few ideas get most of them. Every account
 * has the password {@link #PASSWORD}; residents are {@code resident<n>@bench.test}, officials
 * {@code official<n>@bench.test}, staff {@code staff<n>@bench.test}.
 */
public enum BenchData {

    /** A town such as Villeparisis after a few years. */
    TOWN(30_000, 5_000, 300_000, 50_000, 50, 0),
    /** A large city; one idea holds 5,000 comments. */
    CITY(500_000, 100_000, 2_000_000, 300_000, 200, 5_000),
    /** The size issue 6 asked the dashboard to be measured on: 1,000,000 supports and 100,000 ideas. */
    REPORTING(20_000, 100_000, 1_000_000, 200_000, 20, 0),
    /** A handful of everything: the smoke run of the load script in {@code mvn verify}. */
    TINY(200, 60, 1_500, 300, 5, 100);

    public static final String PASSWORD = "Bench-password-2026";
    static final int OFFICIALS = 10;
    static final int STAFF = 5;

    final int residents;
    final int ideas;
    final int supports;
    final int comments;
    final int initiatives;
    /** Comments of the most discussed idea, on top of the others. */
    final int hotIdeaComments;

    BenchData(int residents, int ideas, int supports, int comments, int initiatives, int hotIdeaComments) {
        this.residents = residents;
        this.ideas = ideas;
        this.supports = supports;
        this.comments = comments;
        this.initiatives = initiatives;
        this.hotIdeaComments = hotIdeaComments;
    }

    public int residentCount() {
        return residents;
    }

    public static BenchData named(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** Whether the database already holds this data set (then it is not loaded again). */
    public boolean loadedIn(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from idea").query(Long.class).single() == ideas;
    }

    /** Loads the data set into an empty database; {@code passwordHash} is {@link #PASSWORD} as the application hashes it. */
    public void load(JdbcClient jdbc, String passwordHash) {
        List<String> triggers = List.of("idea idea_journal", "support support_journal", "comment comment_journal");
        triggers.forEach(trigger -> jdbc.sql("alter table " + trigger.replace(" ", " disable trigger ")).update());
        String people = """
                do $bench$ begin
                perform setseed(0.2026);
                insert into town_settings (id, name) values (1, 'Bench') on conflict do nothing;
                insert into neighbourhood (name, position) select 'Quartier ' || n, n from generate_series(1, 8) n;
                insert into category (name_fr, name_en, position) select 'Thème ' || n, 'Category ' || n, n from generate_series(1, 10) n;
                insert into account (email, display_name, password_hash, neighbourhood_id, birth_year, sex, terms_accepted_at,
                                     email_confirmed_at, created_at)
                select kind || n || '@bench.test', initcap(kind) || ' ' || n, '%1$s',
                       (select min(id) from neighbourhood) + floor(random() * 8)::int, 1930 + floor(random() * 80)::int,
                       (array['FEMALE', 'MALE', 'OTHER', null])[1 + floor(random() * 4)::int],
                       joined, joined, joined
                from (select n, case when n <= %2$d then 'official' when n <= %3$d then 'staff' else 'resident' end as kind,
                             now() - make_interval(days => (random() * 1100)::int) as joined
                      from generate_series(1, %4$d) n) people;
                insert into account_role (account_id, role)
                select id, case when email like 'official%%' then 'OFFICIAL' when email like 'staff%%' then 'STAFF' else 'RESIDENT' end
                from account where email like '%%@bench.test';
                insert into account_role (account_id, role) select id, 'RESIDENT' from account where email like 'official%%@bench.test';
                end $bench$""".formatted(passwordHash, OFFICIALS, OFFICIALS + STAFF, OFFICIALS + STAFF + residents);
        String ideasAndInitiatives = """
                do $bench$ begin
                perform setseed(0.2027);
                -- residents numbered from 0, for the draws below and in the next step (dropped at the end of the load)
                create unlogged table bench_resident as
                    select row_number() over (order by id) - 1 as n, id from account where email like 'resident%%@bench.test';
                create unique index on bench_resident (n);
                insert into idea (author_id, title, description, category_id, neighbourhood_id, status, created_at, updated_at, published_at)
                select r.id, 'Idée numéro ' || i.n || ' pour la ville',
                       'Une proposition d''habitant numéro ' || i.n || ' : mieux vivre ensemble dans le quartier, avec des détails concrets.',
                       (select min(id) from category) + i.n %% 10,
                       case when i.n %% 7 = 0 then null else (select min(id) from neighbourhood) + i.n %% 8 end,
                       (array['PUBLISHED', 'PUBLISHED', 'PUBLISHED', 'PUBLISHED', 'UNDER_REVIEW', 'ACCEPTED', 'REJECTED', 'IN_PROGRESS', 'DONE',
                              'WITHDRAWN'])[1 + i.n %% 10],
                       at, at, at
                from (select n, now() - make_interval(secs => random() * 730 * 86400) as at from generate_series(0, %1$d - 1) n) i
                join bench_resident r on r.n = (i.n * 7919) %% %2$d;
                insert into moderation_item (content_type, content_id, author_id, content_created_at, published_at, answerable, due_at, answered_at)
                select 'IDEA', i.id, i.author_id, i.created_at, i.published_at, i.status <> 'WITHDRAWN',
                       case when i.id %% 3 = 0 then i.published_at + interval '30 days' end,
                       case when i.status not in ('PUBLISHED', 'WITHDRAWN') then i.published_at + make_interval(days => (i.id %% 60)::int) end
                from idea i;
                update idea set last_answered_at = m.answered_at from moderation_item m
                where m.content_type = 'IDEA' and m.content_id = idea.id and m.answered_at is not null;
                insert into initiative (title, summary, description, category_id, budget_euros, status, progress, published, created_by,
                                        updated_by, published_at)
                select 'Projet de la ville numéro ' || n, 'Un projet municipal suivi publiquement, numéro ' || n || '.',
                       'Ce projet est décrit en détail pour les habitants, avec ses étapes et son budget, numéro ' || n || '.',
                       (select min(id) from category) + n %% 10, 10000 * n,
                       (array['PLANNED', 'CONSULTATION', 'IN_PROGRESS', 'DONE'])[1 + n %% 4], (n * 13) %% 101, true,
                       (select min(id) from account where email like 'staff%%'), (select min(id) from account where email like 'staff%%'),
                       now() - make_interval(days => n)
                from generate_series(1, %3$d) n;
                end $bench$""".formatted(ideas, residents, initiatives);
        String activity = """
                do $bench$ begin
                perform setseed(0.2028);
                create temporary table bench_idea on commit drop as
                    select row_number() over (order by id) - 1 as n, id, published_at from idea;
                create unique index on bench_idea (n);
                -- a few ideas get most supports: the target is ideas × u³; a repeated pair is drawn again below
                for attempt in 1..5 loop
                    insert into support (idea_id, account_id, created_at)
                    select i.id, r.id, i.published_at + (now() - i.published_at) * random()
                    from (select floor(%1$d * power(random(), 3))::int as idea_n, floor(random() * %2$d)::int as resident_n
                          from generate_series(1, %3$d - (select count(*) from support))) pick
                    join bench_idea i on i.n = pick.idea_n join bench_resident r on r.n = pick.resident_n
                    on conflict do nothing;
                end loop;
                insert into comment (target_type, target_id, author_id, body, created_at)
                select 'IDEA', i.id, r.id, 'Un avis d''habitant sur cette idée, numéro ' || pick.n || '.', i.published_at + (now() - i.published_at) * random()
                from (select n, floor(%1$d * power(random(), 3))::int as idea_n, floor(random() * %2$d)::int as resident_n
                      from generate_series(1, %4$d) n) pick
                join bench_idea i on i.n = pick.idea_n join bench_resident r on r.n = pick.resident_n;
                insert into comment (target_type, target_id, author_id, body, created_at)
                select 'IDEA', i.id, r.id, 'Encore un avis sur l''idée la plus discutée, numéro ' || g.k || '.', i.published_at + (now() - i.published_at) * random()
                from generate_series(1, %5$d) g(k) join bench_idea i on i.n = 0 join bench_resident r on r.n = (g.k * 31) %% %2$d;
                -- one comment in five answers the first comment of its idea
                update comment c set parent_id = f.first from (select target_id, min(id) as first from comment group by target_id) f
                where c.target_id = f.target_id and c.id <> f.first and c.id %% 5 = 0;
                update idea_counts set support_count = s.n from (select idea_id, count(*) as n from support group by idea_id) s
                where s.idea_id = idea_counts.idea_id;
                update idea_counts set comment_count = c.n
                from (select target_id, count(*) as n from comment where target_type = 'IDEA' group by target_id) c where c.target_id = idea_counts.idea_id;
                perform rebuild_activity_daily();
                perform rebuild_participant_days();
                drop table bench_resident;
                end $bench$""".formatted(ideas, residents, supports, comments, hotIdeaComments);
        try {
            jdbc.sql(people).update();
            jdbc.sql(ideasAndInitiatives).update();
            jdbc.sql(activity).update();
        } finally {
            triggers.forEach(trigger -> jdbc.sql("alter table " + trigger.replace(" ", " enable trigger ")).update());
        }
        // as autovacuum would have done on a database in use: index-only scans need the visibility map
        jdbc.sql("vacuum analyze").update();
    }

    /** What the database holds, in one line. */
    public static String summary(JdbcClient jdbc) {
        return jdbc.sql("""
                select format('%s accounts, %s ideas, %s supports, %s comments, %s initiatives; most supported idea: %s supports; most discussed: %s comments',
                              (select count(*) from account), (select count(*) from idea), (select count(*) from support),
                              (select count(*) from comment), (select count(*) from initiative),
                              (select max(support_count) from idea_counts), (select max(comment_count) from idea_counts))""").query(String.class).single();
    }
}
