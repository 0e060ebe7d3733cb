-- Who took part in each month (Paris months): the accounts that published a public idea, supported
-- one or commented on one, as the catalogue counts participants. Counting distinct people cannot be
-- summed from daily totals, so the rollup keeps the people themselves, once a month: a year of a
-- large town is read in a few hundred thousand index entries instead of every support and comment.
-- Reporting reads whole months here and the days of a period's partial months from the activity.
-- participant_month is the whole town; participant_month_detail keeps the idea's category and
-- neighbourhood (0: ideas about the whole town) for the dashboard's filters. Kept by triggers in the
-- transaction of each change: a removal deletes a row only when nothing else of that person's
-- activity in that month still counts.
create table participant_month (
    month       date   not null,
    account_id  bigint not null references account (id) on delete cascade,
    primary key (month, account_id)
);
create table participant_month_detail (
    category_id        bigint not null,
    neighbourhood_key  bigint not null,
    month              date   not null,
    account_id         bigint not null references account (id) on delete cascade,
    primary key (category_id, neighbourhood_key, month, account_id)
);
create index participant_month_detail_neighbourhood_idx on participant_month_detail (neighbourhood_key, month) include (account_id);
create index participant_month_detail_account_idx on participant_month_detail (account_id, month);
create index participant_month_account_idx on participant_month (account_id);

-- The days around whole months are read from the activity: index-only for comments too.
create index comment_participant_idx on comment (created_at) include (author_id, target_id) where target_type = 'IDEA' and deleted_at is null;
-- Answers of a period (count, on time, median, bands) read from the index alone.
create index moderation_answered_idea_idx on moderation_item (answered_at) include (due_at, published_at, content_created_at, content_id)
    where content_type = 'IDEA' and answered_at is not null;

create function paris_month(moment timestamptz) returns date language sql stable
    as $$ select date_trunc('month', moment at time zone 'Europe/Paris')::date $$;

create function participant_add(p_account bigint, p_moment timestamptz, p_category bigint, p_neighbourhood bigint) returns void
    language sql as $$
    insert into participant_month (month, account_id) values (paris_month(p_moment), p_account) on conflict do nothing;
    insert into participant_month_detail (category_id, neighbourhood_key, month, account_id)
    values (p_category, coalesce(p_neighbourhood, 0), paris_month(p_moment), p_account) on conflict do nothing;
$$;

-- After a removal: drops the person from the month (for that category and neighbourhood, then for
-- the whole town) unless other activity of theirs still counts there.
create function participant_recheck(p_account bigint, p_moment timestamptz, p_category bigint, p_neighbourhood bigint) returns void
    language plpgsql as $$
declare
    m date := paris_month(p_moment);
    m_from timestamptz := m::timestamp at time zone 'Europe/Paris';
    m_to timestamptz := (m + interval '1 month')::timestamp at time zone 'Europe/Paris';
    nb bigint := coalesce(p_neighbourhood, 0);
begin
    if exists (select 1 from support s join idea i on i.id = s.idea_id
               where s.account_id = p_account and s.created_at >= m_from and s.created_at < m_to
                 and i.category_id = p_category and coalesce(i.neighbourhood_id, 0) = nb)
       or exists (select 1 from comment c join idea i on i.id = c.target_id
                  where c.author_id = p_account and c.target_type = 'IDEA' and c.deleted_at is null
                    and c.created_at >= m_from and c.created_at < m_to and i.category_id = p_category and coalesce(i.neighbourhood_id, 0) = nb)
       or exists (select 1 from idea i
                  where i.author_id = p_account and i.status <> 'PENDING' and not i.hidden
                    and i.published_at >= m_from and i.published_at < m_to and i.category_id = p_category and coalesce(i.neighbourhood_id, 0) = nb) then
        return;
    end if;
    delete from participant_month_detail where category_id = p_category and neighbourhood_key = nb and month = m and account_id = p_account;
    if not exists (select 1 from participant_month_detail where account_id = p_account and month = m) then
        delete from participant_month where month = m and account_id = p_account;
    end if;
end $$;

create function participants_on_support() returns trigger language plpgsql as $$
declare
    target record;
begin
    if tg_op = 'INSERT' then
        select category_id, neighbourhood_id into target from idea where id = new.idea_id;
        perform participant_add(new.account_id, new.created_at, target.category_id, target.neighbourhood_id);
        return new;
    end if;
    select category_id, neighbourhood_id into target from idea where id = old.idea_id;
    if found then
        perform participant_recheck(old.account_id, old.created_at, target.category_id, target.neighbourhood_id);
    end if;
    return old;
end $$;
create trigger support_participants after insert or delete on support for each row execute function participants_on_support();

create function participants_on_comment() returns trigger language plpgsql as $$
declare
    target record;
    counted_before boolean := tg_op in ('UPDATE', 'DELETE') and old.target_type = 'IDEA' and old.deleted_at is null;
    counted_now boolean := tg_op in ('INSERT', 'UPDATE') and new.target_type = 'IDEA' and new.deleted_at is null;
begin
    if counted_now and not counted_before then
        select category_id, neighbourhood_id into target from idea where id = new.target_id;
        if found then
            perform participant_add(new.author_id, new.created_at, target.category_id, target.neighbourhood_id);
        end if;
    elsif counted_before and not counted_now then
        select category_id, neighbourhood_id into target from idea where id = old.target_id;
        if found then
            perform participant_recheck(old.author_id, old.created_at, target.category_id, target.neighbourhood_id);
        end if;
    end if;
    return coalesce(new, old);
end $$;
create trigger comment_participants after insert or update of deleted_at or delete on comment
    for each row execute function participants_on_comment();

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
create function rebuild_participant_month() returns void language sql as $$
    delete from participant_month_detail;
    delete from participant_month;
    insert into participant_month_detail (category_id, neighbourhood_key, month, account_id)
    select i.category_id, coalesce(i.neighbourhood_id, 0), paris_month(i.published_at), i.author_id
    from idea i where i.status <> 'PENDING' and not i.hidden and i.published_at is not null
    union
    select i.category_id, coalesce(i.neighbourhood_id, 0), paris_month(s.created_at), s.account_id from support s join idea i on i.id = s.idea_id
    union
    select i.category_id, coalesce(i.neighbourhood_id, 0), paris_month(c.created_at), c.author_id
    from comment c join idea i on i.id = c.target_id where c.target_type = 'IDEA' and c.deleted_at is null;
    insert into participant_month (month, account_id) select distinct month, account_id from participant_month_detail;
$$;
select rebuild_participant_month();
