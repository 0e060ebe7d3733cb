-- Reporting reads activity by date: one index per dated table it counts from; the supports' and
-- comments' indexes carry who and on what, so that counting participants reads the index alone.
create index support_created_idx on support (created_at) include (account_id, idea_id);
create index comment_idea_created_idx on comment (created_at) include (author_id, target_id) where target_type = 'IDEA';
create index account_created_idx on account (created_at);
create index idea_published_idx on idea (published_at) where status <> 'PENDING' and not hidden;
create index flag_created_idx on flag (created_at);
create index moderation_hidden_at_idx on moderation_item (hidden_at) where hidden;

-- The town's reference population, to which participants are compared (representativeness). Admins
-- keep it; its source is always shown next to the comparison.
create table reference_population (
    dimension   varchar(20) not null check (dimension in ('NEIGHBOURHOOD', 'AGE_BAND', 'SEX')),
    group_key   varchar(40) not null,
    population  integer     not null check (population >= 0),
    primary key (dimension, group_key)
);
create table reference_population_source (
    id          smallint     primary key default 1 check (id = 1),
    source      varchar(300) not null check (char_length(trim(source)) > 0),
    updated_at  timestamptz  not null default now(),
    updated_by  bigint       references account (id) on delete set null,
    version     bigint       not null default 0
);

-- Daily activity per category and neighbourhood (0: the whole town), kept by triggers in the
-- transaction of each change: the dashboard sums a few thousand rows instead of a million supports.
-- Counted as the catalogue defines them: public ideas by publication day, supports still given,
-- comments neither deleted nor hidden; days are Paris days.
create table activity_daily (
    day                date    not null,
    category_id        bigint  not null,
    neighbourhood_key  bigint  not null,
    ideas              integer not null default 0,
    supports           integer not null default 0,
    comments           integer not null default 0,
    primary key (day, category_id, neighbourhood_key)
);
create index activity_daily_category_idx on activity_daily (category_id, day);
create index activity_daily_neighbourhood_idx on activity_daily (neighbourhood_key, day);

create function paris_day(moment timestamptz) returns date language sql stable
    as $$ select (moment at time zone 'Europe/Paris')::date $$;

create function activity_add(p_day date, p_category bigint, p_neighbourhood bigint, p_ideas integer, p_supports integer,
                             p_comments integer) returns void language sql as $$
    insert into activity_daily (day, category_id, neighbourhood_key, ideas, supports, comments)
    values (p_day, p_category, coalesce(p_neighbourhood, 0), p_ideas, p_supports, p_comments)
    on conflict (day, category_id, neighbourhood_key) do update
        set ideas = activity_daily.ideas + excluded.ideas, supports = activity_daily.supports + excluded.supports,
            comments = activity_daily.comments + excluded.comments
$$;

create function activity_on_support() returns trigger language plpgsql as $$
declare
    target record;
begin
    if tg_op = 'INSERT' then
        select category_id, neighbourhood_id into target from idea where id = new.idea_id;
        perform activity_add(paris_day(new.created_at), target.category_id, target.neighbourhood_id, 0, 1, 0);
        return new;
    end if;
    select category_id, neighbourhood_id into target from idea where id = old.idea_id;
    if found then
        perform activity_add(paris_day(old.created_at), target.category_id, target.neighbourhood_id, 0, -1, 0);
    end if;
    return old;
end $$;
create trigger support_activity after insert or delete on support for each row execute function activity_on_support();

create function activity_on_comment() returns trigger language plpgsql as $$
declare
    target record;
    counted_before boolean := tg_op in ('UPDATE', 'DELETE') and old.target_type = 'IDEA' and old.deleted_at is null and not old.hidden;
    counted_now boolean := tg_op in ('INSERT', 'UPDATE') and new.target_type = 'IDEA' and new.deleted_at is null and not new.hidden;
begin
    if counted_before and not counted_now then
        select category_id, neighbourhood_id into target from idea where id = old.target_id;
        if found then
            perform activity_add(paris_day(old.created_at), target.category_id, target.neighbourhood_id, 0, 0, -1);
        end if;
    elsif counted_now and not counted_before then
        select category_id, neighbourhood_id into target from idea where id = new.target_id;
        if found then
            perform activity_add(paris_day(new.created_at), target.category_id, target.neighbourhood_id, 0, 0, 1);
        end if;
    end if;
    return coalesce(new, old);
end $$;
create trigger comment_activity after insert or update of deleted_at, hidden or delete on comment
    for each row execute function activity_on_comment();

create function activity_on_idea() returns trigger language plpgsql as $$
declare
    counted_before boolean := tg_op in ('UPDATE', 'DELETE') and old.status <> 'PENDING' and not old.hidden and old.published_at is not null;
    counted_now boolean := tg_op in ('INSERT', 'UPDATE') and new.status <> 'PENDING' and not new.hidden and new.published_at is not null;
begin
    if counted_before and (not counted_now or old.category_id <> new.category_id
            or old.neighbourhood_id is distinct from new.neighbourhood_id or old.published_at <> new.published_at) then
        perform activity_add(paris_day(old.published_at), old.category_id, old.neighbourhood_id, -1, 0, 0);
        counted_before := false;
    end if;
    if counted_now and not counted_before then
        perform activity_add(paris_day(new.published_at), new.category_id, new.neighbourhood_id, 1, 0, 0);
    end if;
    return coalesce(new, old);
end $$;
create trigger idea_activity after insert or update of status, hidden, published_at, category_id, neighbourhood_id or delete on idea
    for each row execute function activity_on_idea();

-- Builds the rollup from the activity itself: at this migration, and after a bulk load made with
-- the triggers off.
create function rebuild_activity_daily() returns void language sql as $$
    delete from activity_daily;
    insert into activity_daily (day, category_id, neighbourhood_key, ideas, supports, comments)
    select day, category_id, neighbourhood_key, sum(ideas), sum(supports), sum(comments)
    from (select paris_day(published_at) as day, category_id, coalesce(neighbourhood_id, 0) as neighbourhood_key, 1 as ideas, 0 as supports, 0 as comments
          from idea where status <> 'PENDING' and not hidden and published_at is not null
          union all
          select paris_day(s.created_at), i.category_id, coalesce(i.neighbourhood_id, 0), 0, 1, 0 from support s join idea i on i.id = s.idea_id
          union all
          select paris_day(c.created_at), i.category_id, coalesce(i.neighbourhood_id, 0), 0, 0, 1
          from comment c join idea i on i.id = c.target_id where c.target_type = 'IDEA' and c.deleted_at is null and not c.hidden) activity
    group by day, category_id, neighbourhood_key;
$$;
select rebuild_activity_daily();
