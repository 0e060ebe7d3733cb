-- reporting: the rollups follow the journals of ideas and comments (V26, V27) instead of
-- triggers on their tables, and read only the views those modules publish (issue 16).
--
-- Reporting takes a batch of journal rows through each owner's Java API, then counts again, from
-- the published views, exactly the rollup rows the batch touched (reporting_fold below): the
-- activity_daily cells (town day, category, neighbourhood), each person's days in a category and
-- neighbourhood then in the whole town, and, for an idea moved or deleted, its old and new
-- category and neighbourhood whole. Counting again rather than adding differences gives the same
-- rows whatever the order and however often a change is folded, so one fold at a time
-- (reporting_fold_key, an advisory lock) and a rebuild at any moment stay exact: what changes
-- meanwhile is in the journals and folded next.

-- The functions of V5, V6 and V15 that the triggers used.
drop function activity_add(date, bigint, bigint, integer, integer, integer);
drop function participant_add(bigint, timestamptz, bigint, bigint);
drop function participant_recheck(bigint, timestamptz, bigint, bigint);

-- The advisory lock held by the transaction that folds or rebuilds: one at a time across instances.
create function reporting_fold_key() returns bigint language sql immutable as $$ select 1606202616::bigint $$;

-- As in V15, from the published views.
create or replace function rebuild_activity_daily() returns void language sql as $$
    delete from activity_daily;
    insert into activity_daily (day, category_id, neighbourhood_key, ideas, supports, comments)
    select day, category_id, neighbourhood_key, sum(ideas), sum(supports), sum(comments)
    from (select town_day(published_at) as day, category_id, coalesce(neighbourhood_id, 0) as neighbourhood_key, 1 as ideas, 0 as supports, 0 as comments
          from idea_report where status <> 'PENDING' and not hidden and published_at is not null
          union all
          select town_day(s.created_at), i.category_id, coalesce(i.neighbourhood_id, 0), 0, 1, 0 from support_report s join idea_report i on i.id = s.idea_id
          union all
          select town_day(c.created_at), i.category_id, coalesce(i.neighbourhood_id, 0), 0, 0, 1
          from comment_report c join idea_report i on i.id = c.target_id where c.target_type = 'IDEA' and c.deleted_at is null and not c.hidden) activity
    group by day, category_id, neighbourhood_key;
$$;

create or replace function rebuild_participant_days() returns void language sql as $$
    delete from participant_days_detail;
    delete from participant_days;
    insert into participant_days_detail (category_id, neighbourhood_key, account_id, days)
    select category_id, neighbourhood_key, who, range_agg(daterange(day, day, '[]'))
    from (select i.category_id, coalesce(i.neighbourhood_id, 0) as neighbourhood_key, i.author_id as who, town_day(i.published_at) as day
          from idea_participation i where i.status <> 'PENDING' and not i.hidden and i.published_at is not null
          union
          select i.category_id, coalesce(i.neighbourhood_id, 0), s.account_id, town_day(s.created_at)
          from support_participation s join idea_report i on i.id = s.idea_id
          union
          select i.category_id, coalesce(i.neighbourhood_id, 0), c.author_id, town_day(c.created_at)
          from comment_participation c join idea_report i on i.id = c.target_id where c.target_type = 'IDEA' and c.deleted_at is null) activity
    group by category_id, neighbourhood_key, who;
    insert into participant_days (account_id, days)
    select account_id, range_agg(r) from participant_days_detail, unnest(days) r group by account_id;
$$;

-- As in V15, without locking the owners' tables: changes made while the days are counted again
-- are in the journals, folded after this transaction in the new zone. Waits for a fold under way.
create or replace function reporting_use_town_zone(p_zone text) returns text language plpgsql as $$
declare
    previous text;
begin
    if not exists (select 1 from pg_timezone_names where name = p_zone) then
        raise exception 'PostgreSQL does not know the time zone %', p_zone using errcode = 'invalid_parameter_value';
    end if;
    select zone into previous from reporting_town_zone where id = 1 for update;
    if previous = p_zone then
        return null;
    end if;
    perform pg_advisory_xact_lock(reporting_fold_key());
    insert into reporting_town_zone (id, zone, changed_at) values (1, p_zone, now())
        on conflict (id) do update set zone = excluded.zone, changed_at = excluded.changed_at;
    perform rebuild_activity_daily();
    perform rebuild_participant_days();
    return coalesce(previous, 'Europe/Paris');
end $$;

-- Counts again the rollup rows a batch of journal rows touched. Arguments, as parallel arrays:
-- moments in a category and neighbourhood (a support, an idea's publication: the cell of that
-- town day); people in a category and neighbourhood (a supporter, an author); comments (their
-- idea, author and moment: the idea's place is read now); and places counted again whole (an idea
-- moved or deleted). A null category is skipped (an idea deleted meanwhile: its place is counted
-- whole through its own journal row). The caller holds reporting_fold_key().
create function reporting_fold(
        p_at timestamptz[], p_at_category bigint[], p_at_neighbourhood bigint[],
        p_who bigint[], p_who_category bigint[], p_who_neighbourhood bigint[],
        p_comment_idea bigint[], p_comment_author bigint[], p_comment_at timestamptz[],
        p_place_category bigint[], p_place_neighbourhood bigint[]) returns void language plpgsql as $$
declare
    tz text := town_zone();
begin
    -- Places counted whole, as (category, neighbourhood key) pairs.
    create temporary table if not exists fold_place (category_id bigint, neighbourhood_key bigint, primary key (category_id, neighbourhood_key))
        on commit delete rows;
    create temporary table if not exists fold_cell (day date, category_id bigint, neighbourhood_key bigint, primary key (day, category_id, neighbourhood_key))
        on commit delete rows;
    create temporary table if not exists fold_person (account_id bigint, category_id bigint, neighbourhood_key bigint,
        primary key (account_id, category_id, neighbourhood_key)) on commit delete rows;
    create temporary table if not exists fold_account (account_id bigint primary key) on commit delete rows;
    truncate fold_place, fold_cell, fold_person, fold_account;

    insert into fold_place
    select distinct c, coalesce(n, 0) from unnest(p_place_category, p_place_neighbourhood) p(c, n) where c is not null;

    with comment_place as (
        select i.category_id, coalesce(i.neighbourhood_id, 0) as neighbourhood_key, c.author, c.at
        from unnest(p_comment_idea, p_comment_author, p_comment_at) c(idea, author, at) join idea_report i on i.id = c.idea)
    insert into fold_cell
    select distinct day, category_id, neighbourhood_key from (
        select (a.at at time zone tz)::date as day, a.c as category_id, coalesce(a.n, 0) as neighbourhood_key
        from unnest(p_at, p_at_category, p_at_neighbourhood) a(at, c, n) where a.c is not null and a.at is not null
        union all
        select (at at time zone tz)::date, category_id, neighbourhood_key from comment_place) cell
    where not exists (select 1 from fold_place p where p.category_id = cell.category_id and p.neighbourhood_key = cell.neighbourhood_key);

    insert into fold_person
    select distinct who, category_id, neighbourhood_key from (
        select w.who, w.c as category_id, coalesce(w.n, 0) as neighbourhood_key
        from unnest(p_who, p_who_category, p_who_neighbourhood) w(who, c, n) where w.c is not null
        union all
        select c.author, i.category_id, coalesce(i.neighbourhood_id, 0)
        from unnest(p_comment_idea, p_comment_author) c(idea, author) join idea_report i on i.id = c.idea) person
    where not exists (select 1 from fold_place p where p.category_id = person.category_id and p.neighbourhood_key = person.neighbourhood_key);

    -- Daily activity, cell by cell.
    with counted as materialized (
        select c.day, c.category_id, c.neighbourhood_key,
               (select count(*) from idea_report i
                where i.status <> 'PENDING' and not i.hidden and i.published_at >= b.day_from and i.published_at < b.day_to
                  and i.category_id = c.category_id and coalesce(i.neighbourhood_id, 0) = c.neighbourhood_key) as ideas,
               (select count(*) from support_report s join idea_report i on i.id = s.idea_id
                where s.created_at >= b.day_from and s.created_at < b.day_to
                  and i.category_id = c.category_id and coalesce(i.neighbourhood_id, 0) = c.neighbourhood_key) as supports,
               (select count(*) from comment_report m join idea_report i on i.id = m.target_id
                where m.target_type = 'IDEA' and m.deleted_at is null and not m.hidden and m.created_at >= b.day_from and m.created_at < b.day_to
                  and i.category_id = c.category_id and coalesce(i.neighbourhood_id, 0) = c.neighbourhood_key) as comments
        from fold_cell c
        cross join lateral (select c.day::timestamp at time zone tz as day_from, (c.day + 1)::timestamp at time zone tz as day_to) b),
    kept as (
        insert into activity_daily as a (day, category_id, neighbourhood_key, ideas, supports, comments)
        select day, category_id, neighbourhood_key, ideas, supports, comments from counted where ideas + supports + comments > 0
        on conflict (day, category_id, neighbourhood_key) do update
            set ideas = excluded.ideas, supports = excluded.supports, comments = excluded.comments
            where (a.ideas, a.supports, a.comments) is distinct from (excluded.ideas, excluded.supports, excluded.comments))
    delete from activity_daily a using counted c
    where a.day = c.day and a.category_id = c.category_id and a.neighbourhood_key = c.neighbourhood_key and c.ideas + c.supports + c.comments = 0;

    -- Daily activity, places whole.
    with counted as materialized (
        select day, category_id, neighbourhood_key, sum(ideas) as ideas, sum(supports) as supports, sum(comments) as comments
        from (select (i.published_at at time zone tz)::date as day, i.category_id, p.neighbourhood_key, 1 as ideas, 0 as supports, 0 as comments
              from fold_place p join idea_report i on i.category_id = p.category_id and coalesce(i.neighbourhood_id, 0) = p.neighbourhood_key
              where i.status <> 'PENDING' and not i.hidden and i.published_at is not null
              union all
              select (s.created_at at time zone tz)::date, i.category_id, p.neighbourhood_key, 0, 1, 0
              from fold_place p join idea_report i on i.category_id = p.category_id and coalesce(i.neighbourhood_id, 0) = p.neighbourhood_key
              join support_report s on s.idea_id = i.id
              union all
              select (m.created_at at time zone tz)::date, i.category_id, p.neighbourhood_key, 0, 0, 1
              from fold_place p join idea_report i on i.category_id = p.category_id and coalesce(i.neighbourhood_id, 0) = p.neighbourhood_key
              join comment_report m on m.target_type = 'IDEA' and m.target_id = i.id
              where m.deleted_at is null and not m.hidden) activity
        group by day, category_id, neighbourhood_key),
    kept as (
        insert into activity_daily as a (day, category_id, neighbourhood_key, ideas, supports, comments)
        select day, category_id, neighbourhood_key, ideas, supports, comments from counted
        on conflict (day, category_id, neighbourhood_key) do update
            set ideas = excluded.ideas, supports = excluded.supports, comments = excluded.comments
            where (a.ideas, a.supports, a.comments) is distinct from (excluded.ideas, excluded.supports, excluded.comments))
    delete from activity_daily a using fold_place p
    where a.category_id = p.category_id and a.neighbourhood_key = p.neighbourhood_key
      and not exists (select 1 from counted c where c.day = a.day and c.category_id = a.category_id and c.neighbourhood_key = a.neighbourhood_key);

    -- A person's days in a category and neighbourhood, person by person.
    with counted as materialized (
        select p.account_id, p.category_id, p.neighbourhood_key,
               (select range_agg(daterange(day, day, '[]')) from (
                    select (i.published_at at time zone tz)::date as day from idea_participation i
                    where i.author_id = p.account_id and i.status <> 'PENDING' and not i.hidden and i.published_at is not null
                      and i.category_id = p.category_id and coalesce(i.neighbourhood_id, 0) = p.neighbourhood_key
                    union
                    -- From the person's supports and comments (their indexes), then their ideas: "offset 0" keeps
                    -- PostgreSQL from walking every idea of a large category instead.
                    select (s.created_at at time zone tz)::date
                    from (select idea_id, created_at from support_participation where account_id = p.account_id offset 0) s
                    join idea_report i on i.id = s.idea_id
                    where i.category_id = p.category_id and coalesce(i.neighbourhood_id, 0) = p.neighbourhood_key
                    union
                    select (m.created_at at time zone tz)::date
                    from (select target_id, created_at from comment_participation
                          where author_id = p.account_id and target_type = 'IDEA' and deleted_at is null offset 0) m
                    join idea_report i on i.id = m.target_id
                    where i.category_id = p.category_id and coalesce(i.neighbourhood_id, 0) = p.neighbourhood_key) d) as days
        from fold_person p),
    kept as (
        insert into participant_days_detail as d (category_id, neighbourhood_key, account_id, days)
        select category_id, neighbourhood_key, account_id, days from counted where days is not null
        on conflict (category_id, neighbourhood_key, account_id) do update set days = excluded.days where d.days <> excluded.days)
    delete from participant_days_detail d using counted c
    where d.account_id = c.account_id and d.category_id = c.category_id and d.neighbourhood_key = c.neighbourhood_key and c.days is null;

    insert into fold_account select distinct account_id from fold_person;
    -- Places whole: everyone who took part there before or now.
    insert into fold_account
    select distinct d.account_id from fold_place p join participant_days_detail d
        on d.category_id = p.category_id and d.neighbourhood_key = p.neighbourhood_key
    on conflict do nothing;
    with counted as materialized (
        select category_id, neighbourhood_key, who as account_id, range_agg(daterange(day, day, '[]')) as days
        from (select i.category_id, p.neighbourhood_key, i.author_id as who, (i.published_at at time zone tz)::date as day
              from fold_place p join idea_participation i on i.category_id = p.category_id and coalesce(i.neighbourhood_id, 0) = p.neighbourhood_key
              where i.status <> 'PENDING' and not i.hidden and i.published_at is not null
              union
              select i.category_id, p.neighbourhood_key, s.account_id, (s.created_at at time zone tz)::date
              from fold_place p join idea_report i on i.category_id = p.category_id and coalesce(i.neighbourhood_id, 0) = p.neighbourhood_key
              join support_participation s on s.idea_id = i.id
              union
              select i.category_id, p.neighbourhood_key, m.author_id, (m.created_at at time zone tz)::date
              from fold_place p join idea_report i on i.category_id = p.category_id and coalesce(i.neighbourhood_id, 0) = p.neighbourhood_key
              join comment_participation m on m.target_type = 'IDEA' and m.target_id = i.id
              where m.deleted_at is null) activity
        group by category_id, neighbourhood_key, who),
    kept as (
        insert into participant_days_detail as d (category_id, neighbourhood_key, account_id, days)
        select category_id, neighbourhood_key, account_id, days from counted
        on conflict (category_id, neighbourhood_key, account_id) do update set days = excluded.days where d.days <> excluded.days),
    everyone as (
        insert into fold_account select distinct account_id from counted on conflict do nothing)
    delete from participant_days_detail d using fold_place p
    where d.category_id = p.category_id and d.neighbourhood_key = p.neighbourhood_key
      and not exists (select 1 from counted c where c.account_id = d.account_id and c.category_id = d.category_id
                                                  and c.neighbourhood_key = d.neighbourhood_key);

    -- A person's days in the whole town, from their days in each category and neighbourhood.
    with counted as materialized (
        select a.account_id, (select range_agg(r) from participant_days_detail d, unnest(d.days) r where d.account_id = a.account_id) as days
        from fold_account a),
    kept as (
        insert into participant_days as p (account_id, days)
        select account_id, days from counted where days is not null
        on conflict (account_id) do update set days = excluded.days where p.days <> excluded.days)
    delete from participant_days p using counted c where p.account_id = c.account_id and c.days is null;
end $$;
