-- ideas: ideas journal their own changes for the modules that follow them (issue 16).
--
-- Until now reporting's migrations (V5, V6, V8, V15) put triggers on idea and support that read
-- and wrote across modules: each support read its idea, added to a shared activity_daily row (a
-- hot row, locked until commit) and to two participant rows, all in the writer's transaction.
-- Ideas now own what happens on their tables: a plain row trigger appends one row to this journal,
-- saying what changed where (not by how much); reporting takes the rows through
-- org.participe.ideas.IdeaActivityJournal and counts again, from the views below, the rollup cells
-- they touched (V28). A support costs one primary-key read of its idea and one insert here, with no
-- lock held on a shared row.
drop trigger support_rollups on support;
drop function rollups_on_support();
drop trigger idea_activity on idea;
drop function activity_on_idea();
drop trigger idea_participants on idea;
drop function participants_on_idea();

-- Append-only: written by the triggers below, emptied by IdeaActivityJournal#take.
-- A support given or withdrawn (kind SUPPORT): the idea, who, when, and the idea's category and
-- neighbourhood then (null when the idea itself was being deleted). An idea inserted, changed in
-- what reporting counts, or deleted (kind IDEA): its author, its category, neighbourhood and
-- publication moment before (old_…) and after; moved when its category or neighbourhood changed,
-- deleted when it is gone (then its supports and comments leave those places with it).
create table idea_activity_change (
    id                    bigint generated always as identity primary key,
    kind                  varchar(7)  not null check (kind in ('SUPPORT', 'IDEA')),
    idea_id               bigint      not null,
    account_id            bigint      not null,
    happened_at           timestamptz,
    category_id           bigint,
    neighbourhood_id      bigint,
    published_at          timestamptz,
    old_category_id       bigint,
    old_neighbourhood_id  bigint,
    old_published_at      timestamptz,
    moved                 boolean     not null default false,
    deleted               boolean     not null default false
);

create function idea_journal_support() returns trigger language plpgsql as $$
declare
    s support := coalesce(new, old);
    target record;
begin
    select category_id, neighbourhood_id into target from idea where id = s.idea_id;
    insert into idea_activity_change (kind, idea_id, account_id, happened_at, category_id, neighbourhood_id)
    values ('SUPPORT', s.idea_id, s.account_id, s.created_at, target.category_id, target.neighbourhood_id);
    return null;
end $$;
create trigger support_journal after insert or delete on support for each row execute function idea_journal_support();

create function idea_journal_idea() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and (old.status, old.hidden, old.published_at, old.category_id, old.neighbourhood_id)
            is not distinct from (new.status, new.hidden, new.published_at, new.category_id, new.neighbourhood_id) then
        return null;
    end if;
    insert into idea_activity_change (kind, idea_id, account_id, category_id, neighbourhood_id, published_at,
                                      old_category_id, old_neighbourhood_id, old_published_at, moved, deleted)
    values ('IDEA', coalesce(new.id, old.id), coalesce(new.author_id, old.author_id),
            new.category_id, new.neighbourhood_id, new.published_at,
            old.category_id, old.neighbourhood_id, old.published_at,
            tg_op = 'UPDATE' and (old.category_id, old.neighbourhood_id) is distinct from (new.category_id, new.neighbourhood_id),
            tg_op = 'DELETE');
    return null;
end $$;
create trigger idea_journal after insert or update of status, hidden, published_at, category_id, neighbourhood_id or delete on idea
    for each row execute function idea_journal_idea();

-- Published for reporting (TableOwners.PUBLISHED_VIEWS), which counts participants, so needs who:
-- an idea's author with what makes the idea count (status, visibility, place, publication), and
-- supports with who gave them. Plain projections, inlined by PostgreSQL: the recounts use
-- idea_author_idx, support_account_idx and support_idea_created_idx through them.
create view idea_participation as
select i.id, i.author_id, i.status, i.hidden, i.category_id, i.neighbourhood_id, i.published_at
from idea i;

create view support_participation as
select s.idea_id, s.account_id, s.created_at
from support s;

-- A person's supports with their idea from the index alone (recounting a person's days; also the
-- "my supports" list): the same index as V2's, the idea added, so no more index than before.
drop index support_account_idx;
create index support_account_idx on support (account_id, created_at desc) include (idea_id);
