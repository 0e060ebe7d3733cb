-- Who took part, and on which days (Paris days): for each account that published a public idea,
-- supported one or commented on one, as the catalogue counts participants, the set of its days of
-- participation as one date multirange. Counting the distinct participants of any period is then
-- one overlap test per participant (a row each) instead of reading every support and comment of
-- the period. participant_days is the whole town; participant_days_detail keeps the idea's
-- category and neighbourhood (0: ideas about the whole town) for the dashboard's filters. Kept by
-- triggers in the transaction of each change: a removal takes a day away only when nothing else of
-- that person's activity that day still counts.
create table participant_days (
    account_id  bigint           primary key references account (id) on delete cascade,
    days        datemultirange   not null
);
create table participant_days_detail (
    category_id        bigint          not null,
    neighbourhood_key  bigint          not null,
    account_id         bigint          not null references account (id) on delete cascade,
    days               datemultirange  not null,
    primary key (category_id, neighbourhood_key, account_id)
);
create index participant_days_detail_neighbourhood_idx on participant_days_detail (neighbourhood_key);
create index participant_days_detail_account_idx on participant_days_detail (account_id);

-- Ideas of a period per status, category and neighbourhood read from the index alone (replaces V5's).
drop index idea_published_idx;
create index idea_published_idx on idea (published_at) include (status, category_id, neighbourhood_id) where status <> 'PENDING' and not hidden;
-- Answers of a period (count, on time, median, bands) read from the index alone.
create index moderation_answered_idea_idx on moderation_item (answered_at) include (due_at, published_at, content_created_at, content_id)
    where content_type = 'IDEA' and answered_at is not null;

-- Adds a day to a person's participation (no write when the day is already there).
create function participant_add(p_account bigint, p_moment timestamptz, p_category bigint, p_neighbourhood bigint) returns void
    language sql as $$
    insert into participant_days as p (account_id, days)
    values (p_account, datemultirange(daterange(paris_day(p_moment), paris_day(p_moment), '[]')))
    on conflict (account_id) do update set days = p.days + excluded.days where not p.days @> paris_day(p_moment);
    insert into participant_days_detail as p (category_id, neighbourhood_key, account_id, days)
    values (p_category, coalesce(p_neighbourhood, 0), p_account, datemultirange(daterange(paris_day(p_moment), paris_day(p_moment), '[]')))
    on conflict (category_id, neighbourhood_key, account_id) do update set days = p.days + excluded.days where not p.days @> paris_day(p_moment);
$$;

-- After a removal: takes the day away from the person (for that category and neighbourhood, then
-- for the whole town) unless other activity of theirs that day still counts there.
create function participant_recheck(p_account bigint, p_moment timestamptz, p_category bigint, p_neighbourhood bigint) returns void
    language plpgsql as $$
declare
    d date := paris_day(p_moment);
    d_from timestamptz := d::timestamp at time zone 'Europe/Paris';
    d_to timestamptz := (d + 1)::timestamp at time zone 'Europe/Paris';
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

-- One trigger per support or comment keeps both rollups (V5's daily activity and these days of
-- participation), reading the idea once: V5's activity triggers on these tables are replaced.
drop trigger support_activity on support;
drop function activity_on_support();
create function rollups_on_support() returns trigger language plpgsql as $$
declare
    target record;
begin
    if tg_op = 'INSERT' then
        select category_id, neighbourhood_id into target from idea where id = new.idea_id;
        perform activity_add(paris_day(new.created_at), target.category_id, target.neighbourhood_id, 0, 1, 0);
        perform participant_add(new.account_id, new.created_at, target.category_id, target.neighbourhood_id);
        return new;
    end if;
    select category_id, neighbourhood_id into target from idea where id = old.idea_id;
    if found then
        perform activity_add(paris_day(old.created_at), target.category_id, target.neighbourhood_id, 0, -1, 0);
        perform participant_recheck(old.account_id, old.created_at, target.category_id, target.neighbourhood_id);
    end if;
    return old;
end $$;
create trigger support_rollups after insert or delete on support for each row execute function rollups_on_support();

-- A comment counts in the daily activity while neither deleted nor hidden, and makes its author a
-- participant while not deleted (hidden or not), as the catalogue defines them.
drop trigger comment_activity on comment;
drop function activity_on_comment();
create function rollups_on_comment() returns trigger language plpgsql as $$
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
        perform activity_add(paris_day(old.created_at), target.category_id, target.neighbourhood_id, 0, 0, -1);
    elsif active_now and not active_before then
        perform activity_add(paris_day(new.created_at), target.category_id, target.neighbourhood_id, 0, 0, 1);
    end if;
    if taking_part_now and not taking_part_before then
        perform participant_add(new.author_id, new.created_at, target.category_id, target.neighbourhood_id);
    elsif taking_part_before and not taking_part_now then
        perform participant_recheck(old.author_id, old.created_at, target.category_id, target.neighbourhood_id);
    end if;
    return coalesce(new, old);
end $$;
create trigger comment_rollups after insert or update of deleted_at, hidden or delete on comment
    for each row execute function rollups_on_comment();

-- An idea counts its author once public; if it moves to another category or neighbourhood, its
-- supporters and commenters move with it.
create function participants_on_idea() returns trigger language plpgsql as $$
declare
    counted_before boolean := tg_op in ('UPDATE', 'DELETE') and old.status <> 'PENDING' and not old.hidden and old.published_at is not null;
    counted_now boolean := tg_op in ('INSERT', 'UPDATE') and new.status <> 'PENDING' and not new.hidden and new.published_at is not null;
    moved boolean := tg_op = 'UPDATE' and (old.category_id <> new.category_id or old.neighbourhood_id is distinct from new.neighbourhood_id);
begin
    if counted_now and (not counted_before or moved or old.published_at <> new.published_at) then
        perform participant_add(new.author_id, new.published_at, new.category_id, new.neighbourhood_id);
    end if;
    if moved then
        perform participant_add(s.account_id, s.created_at, new.category_id, new.neighbourhood_id) from support s where s.idea_id = new.id;
        perform participant_add(c.author_id, c.created_at, new.category_id, new.neighbourhood_id)
        from comment c where c.target_type = 'IDEA' and c.target_id = new.id and c.deleted_at is null;
        perform participant_recheck(s.account_id, s.created_at, old.category_id, old.neighbourhood_id) from support s where s.idea_id = old.id;
        perform participant_recheck(c.author_id, c.created_at, old.category_id, old.neighbourhood_id)
        from comment c where c.target_type = 'IDEA' and c.target_id = old.id and c.deleted_at is null;
    end if;
    if counted_before and (not counted_now or moved or old.published_at <> new.published_at) then
        perform participant_recheck(old.author_id, old.published_at, old.category_id, old.neighbourhood_id);
    end if;
    return coalesce(new, old);
end $$;
create trigger idea_participants after insert or update of status, hidden, published_at, category_id, neighbourhood_id or delete on idea
    for each row execute function participants_on_idea();

-- Builds the rollup from the activity itself: at this migration, and after a bulk load made with
-- the triggers off.
create function rebuild_participant_days() returns void language sql as $$
    delete from participant_days_detail;
    delete from participant_days;
    insert into participant_days_detail (category_id, neighbourhood_key, account_id, days)
    select category_id, neighbourhood_key, who, range_agg(daterange(day, day, '[]'))
    from (select i.category_id, coalesce(i.neighbourhood_id, 0) as neighbourhood_key, i.author_id as who, paris_day(i.published_at) as day
          from idea i where i.status <> 'PENDING' and not i.hidden and i.published_at is not null
          union
          select i.category_id, coalesce(i.neighbourhood_id, 0), s.account_id, paris_day(s.created_at) from support s join idea i on i.id = s.idea_id
          union
          select i.category_id, coalesce(i.neighbourhood_id, 0), c.author_id, paris_day(c.created_at)
          from comment c join idea i on i.id = c.target_id where c.target_type = 'IDEA' and c.deleted_at is null) activity
    group by category_id, neighbourhood_key, who;
    insert into participant_days (account_id, days)
    select account_id, range_agg(r) from participant_days_detail, unnest(days) r group by account_id;
$$;
select rebuild_participant_days();
