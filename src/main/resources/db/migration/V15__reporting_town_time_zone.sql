-- reporting: the days of the rollups are the town's days, in the town's time zone.
--
-- V5 and V6 counted the days of activity_daily and of participant_days(_detail) in Paris
-- (paris_day), whatever PARTICIPE_TIME_ZONE said, while Java counts periods in the configured zone:
-- a town elsewhere saw an evening's activity on the next day. The zone now lives in one row, which
-- the application writes at start from its configuration (reporting/RollupsTownZone), rebuilding the
-- rollups in the same transaction when the zone changed.
--
-- A row, not a setting of the connection (SET participe.town_zone from the pool): the rollups are
-- kept by triggers, which must count a day alike whoever writes (the application, a batch, someone
-- in psql), and a connection setting would fall back to a default outside the application's pool,
-- putting part of the days in another zone without a word. Reading this one-row table costs a
-- buffer hit per trigger call; in the rebuilds it is read once per statement.
create table reporting_town_zone (
    id          smallint    primary key default 1 check (id = 1),
    zone        text        not null check (char_length(zone) between 1 and 60),
    changed_at  timestamptz not null default now()
);
-- The rollups were built in Paris by V5 and V6.
insert into reporting_town_zone (zone) values ('Europe/Paris');

-- The town's zone; Paris should the row ever be missing.
create function town_zone() returns text language sql stable
    as $$ select coalesce((select zone from reporting_town_zone where id = 1), 'Europe/Paris') $$;

-- The town's day of a moment.
create function town_day(moment timestamptz) returns date language sql stable
    as $$ select (moment at time zone town_zone())::date $$;

-- Every function that counted a day in Paris now counts it in the town's zone (bodies otherwise as in V5 and V6).

create or replace function activity_on_idea() returns trigger language plpgsql as $$
declare
    counted_before boolean := tg_op in ('UPDATE', 'DELETE') and old.status <> 'PENDING' and not old.hidden and old.published_at is not null;
    counted_now boolean := tg_op in ('INSERT', 'UPDATE') and new.status <> 'PENDING' and not new.hidden and new.published_at is not null;
begin
    if counted_before and (not counted_now or old.category_id <> new.category_id
            or old.neighbourhood_id is distinct from new.neighbourhood_id or old.published_at <> new.published_at) then
        perform activity_add(town_day(old.published_at), old.category_id, old.neighbourhood_id, -1, 0, 0);
        counted_before := false;
    end if;
    if counted_now and not counted_before then
        perform activity_add(town_day(new.published_at), new.category_id, new.neighbourhood_id, 1, 0, 0);
    end if;
    return coalesce(new, old);
end $$;

create or replace function participant_add(p_account bigint, p_moment timestamptz, p_category bigint, p_neighbourhood bigint) returns void
    language sql as $$
    insert into participant_days as p (account_id, days)
    values (p_account, datemultirange(daterange(town_day(p_moment), town_day(p_moment), '[]')))
    on conflict (account_id) do update set days = p.days + excluded.days where not p.days @> town_day(p_moment);
    insert into participant_days_detail as p (category_id, neighbourhood_key, account_id, days)
    values (p_category, coalesce(p_neighbourhood, 0), p_account, datemultirange(daterange(town_day(p_moment), town_day(p_moment), '[]')))
    on conflict (category_id, neighbourhood_key, account_id) do update set days = p.days + excluded.days where not p.days @> town_day(p_moment);
$$;

create or replace function participant_recheck(p_account bigint, p_moment timestamptz, p_category bigint, p_neighbourhood bigint) returns void
    language plpgsql as $$
declare
    town_tz text := town_zone();
    d date := (p_moment at time zone town_tz)::date;
    d_from timestamptz := d::timestamp at time zone town_tz;
    d_to timestamptz := (d + 1)::timestamp at time zone town_tz;
    nb bigint := coalesce(p_neighbourhood, 0);
    one_day datemultirange := datemultirange(daterange(d, d, '[]'));
begin
    if exists (select 1 from support s join idea i on i.id = s.idea_id
               where s.account_id = p_account and s.created_at >= d_from and s.created_at < d_to
                 and i.category_id = p_category and coalesce(i.neighbourhood_id, 0) = nb)
       or exists (select 1 from comment c join idea i on i.id = c.target_id
                  where c.author_id = p_account and c.target_type = 'IDEA' and c.deleted_at is null
                    and c.created_at >= d_from and c.created_at < d_to and i.category_id = p_category and coalesce(i.neighbourhood_id, 0) = nb)
       or exists (select 1 from idea i
                  where i.author_id = p_account and i.status <> 'PENDING' and not i.hidden
                    and i.published_at >= d_from and i.published_at < d_to and i.category_id = p_category and coalesce(i.neighbourhood_id, 0) = nb) then
        return;
    end if;
    update participant_days_detail set days = days - one_day
    where category_id = p_category and neighbourhood_key = nb and account_id = p_account and days @> d;
    delete from participant_days_detail where category_id = p_category and neighbourhood_key = nb and account_id = p_account and isempty(days);
    if not exists (select 1 from participant_days_detail where account_id = p_account and days @> d) then
        update participant_days set days = days - one_day where account_id = p_account and days @> d;
        delete from participant_days where account_id = p_account and isempty(days);
    end if;
end $$;

create or replace function rollups_on_support() returns trigger language plpgsql as $$
declare
    target record;
begin
    if tg_op = 'INSERT' then
        select category_id, neighbourhood_id into target from idea where id = new.idea_id;
        perform activity_add(town_day(new.created_at), target.category_id, target.neighbourhood_id, 0, 1, 0);
        perform participant_add(new.account_id, new.created_at, target.category_id, target.neighbourhood_id);
        return new;
    end if;
    select category_id, neighbourhood_id into target from idea where id = old.idea_id;
    if found then
        perform activity_add(town_day(old.created_at), target.category_id, target.neighbourhood_id, 0, -1, 0);
        perform participant_recheck(old.account_id, old.created_at, target.category_id, target.neighbourhood_id);
    end if;
    return old;
end $$;

create or replace function rollups_on_comment() returns trigger language plpgsql as $$
declare
    target record;
    active_before boolean := tg_op in ('UPDATE', 'DELETE') and old.target_type = 'IDEA' and old.deleted_at is null and not old.hidden;
    active_now boolean := tg_op in ('INSERT', 'UPDATE') and new.target_type = 'IDEA' and new.deleted_at is null and not new.hidden;
    taking_part_before boolean := tg_op in ('UPDATE', 'DELETE') and old.target_type = 'IDEA' and old.deleted_at is null;
    taking_part_now boolean := tg_op in ('INSERT', 'UPDATE') and new.target_type = 'IDEA' and new.deleted_at is null;
begin
    if active_before = active_now and taking_part_before = taking_part_now then
        return coalesce(new, old);
    end if;
    select category_id, neighbourhood_id into target from idea where id = coalesce(new.target_id, old.target_id);
    if not found then
        return coalesce(new, old);
    end if;
    if active_before and not active_now then
        perform activity_add(town_day(old.created_at), target.category_id, target.neighbourhood_id, 0, 0, -1);
    elsif active_now and not active_before then
        perform activity_add(town_day(new.created_at), target.category_id, target.neighbourhood_id, 0, 0, 1);
    end if;
    if taking_part_now and not taking_part_before then
        perform participant_add(new.author_id, new.created_at, target.category_id, target.neighbourhood_id);
    elsif taking_part_before and not taking_part_now then
        perform participant_recheck(old.author_id, old.created_at, target.category_id, target.neighbourhood_id);
    end if;
    return coalesce(new, old);
end $$;

create or replace function rebuild_activity_daily() returns void language sql as $$
    delete from activity_daily;
    insert into activity_daily (day, category_id, neighbourhood_key, ideas, supports, comments)
    select day, category_id, neighbourhood_key, sum(ideas), sum(supports), sum(comments)
    from (select town_day(published_at) as day, category_id, coalesce(neighbourhood_id, 0) as neighbourhood_key, 1 as ideas, 0 as supports, 0 as comments
          from idea where status <> 'PENDING' and not hidden and published_at is not null
          union all
          select town_day(s.created_at), i.category_id, coalesce(i.neighbourhood_id, 0), 0, 1, 0 from support s join idea i on i.id = s.idea_id
          union all
          select town_day(c.created_at), i.category_id, coalesce(i.neighbourhood_id, 0), 0, 0, 1
          from comment c join idea i on i.id = c.target_id where c.target_type = 'IDEA' and c.deleted_at is null and not c.hidden) activity
    group by day, category_id, neighbourhood_key;
$$;

create or replace function rebuild_participant_days() returns void language sql as $$
    delete from participant_days_detail;
    delete from participant_days;
    insert into participant_days_detail (category_id, neighbourhood_key, account_id, days)
    select category_id, neighbourhood_key, who, range_agg(daterange(day, day, '[]'))
    from (select i.category_id, coalesce(i.neighbourhood_id, 0) as neighbourhood_key, i.author_id as who, town_day(i.published_at) as day
          from idea i where i.status <> 'PENDING' and not i.hidden and i.published_at is not null
          union
          select i.category_id, coalesce(i.neighbourhood_id, 0), s.account_id, town_day(s.created_at) from support s join idea i on i.id = s.idea_id
          union
          select i.category_id, coalesce(i.neighbourhood_id, 0), c.author_id, town_day(c.created_at)
          from comment c join idea i on i.id = c.target_id where c.target_type = 'IDEA' and c.deleted_at is null) activity
    group by category_id, neighbourhood_key, who;
    insert into participant_days (account_id, days)
    select account_id, range_agg(r) from participant_days_detail, unnest(days) r group by account_id;
$$;

-- No function calls it any more: a name saying Paris would now lie.
drop function paris_day(timestamptz);

-- Called by the application at start with its configured zone. When it differs from the zone the
-- rollups are in, they are counted again in it, in the caller's transaction, and the previous zone
-- is returned; null when nothing changed. While the days are counted again no idea, support or
-- comment may change (each would be counted in whichever zone its trigger read); the rows written
-- before are counted by the rebuild, those written after by their triggers in the new zone.
create function reporting_use_town_zone(p_zone text) returns text language plpgsql as $$
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
    lock table idea, support, comment in share mode;
    insert into reporting_town_zone (id, zone, changed_at) values (1, p_zone, now())
        on conflict (id) do update set zone = excluded.zone, changed_at = excluded.changed_at;
    perform rebuild_activity_daily();
    perform rebuild_participant_days();
    return coalesce(previous, 'Europe/Paris');
end $$;
