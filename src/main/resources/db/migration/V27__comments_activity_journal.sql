-- comments: comments journal their own changes for the modules that follow them (issue 16), as
-- ideas do (V26): reporting's trigger on comment (V6, V8, V15), which read idea, is replaced by a
-- plain row trigger appending what changed where; reporting takes the rows through
-- org.participe.comments.CommentActivityJournal and counts again from the view below (V28).
drop trigger comment_rollups on comment;
drop function rollups_on_comment();

-- Append-only: written by the trigger below, emptied by CommentActivityJournal#take. A comment
-- written, deleted, hidden or shown again, or removed: what it is about, its author and moment.
create table comment_activity_change (
    id           bigint generated always as identity primary key,
    target_type  varchar(20) not null,
    target_id    bigint      not null,
    author_id    bigint      not null,
    created_at   timestamptz not null
);

create function comment_journal() returns trigger language plpgsql as $$
declare
    c comment := coalesce(new, old);
begin
    if tg_op = 'UPDATE' and (old.deleted_at is null, old.hidden) is not distinct from (new.deleted_at is null, new.hidden) then
        return null;
    end if;
    insert into comment_activity_change (target_type, target_id, author_id, created_at)
    values (c.target_type, c.target_id, c.author_id, c.created_at);
    return null;
end $$;
create trigger comment_journal after insert or update of deleted_at, hidden or delete on comment
    for each row execute function comment_journal();

-- Published for reporting (TableOwners.PUBLISHED_VIEWS): comments with their author, to count
-- participants (comment_report leaves the author out on purpose).
create view comment_participation as
select c.target_type, c.target_id, c.author_id, c.created_at, c.deleted_at, c.hidden
from comment c;

-- Recounting every comment of an idea (an idea moved or deleted), replies included.
create index comment_idea_target_idx on comment (target_id, created_at) include (author_id, deleted_at, hidden) where target_type = 'IDEA';
