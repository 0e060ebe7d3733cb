-- An idea's support and comment counts live in a narrow table of their own. On the idea, every
-- support rewrote a wide row and, since the counts were indexed for the sorted lists, added an
-- entry to each of the idea's dozen indexes, full-text ones included: alone, that update ran at
-- 2,900 a second on the city data set against 9,600 for the same update of this table
-- (docs/BENCHMARKS.md). The idea row now changes only when the idea itself does.
create table idea_counts (
    idea_id        bigint  primary key references idea (id) on delete cascade,
    support_count  integer not null default 0 check (support_count >= 0),
    comment_count  integer not null default 0 check (comment_count >= 0)
) with (fillfactor = 80);

insert into idea_counts (idea_id, support_count, comment_count) select id, support_count, comment_count from idea;

-- The lists sorted by supports and by comments walk these and join the ideas shown.
create index idea_counts_supported_idx on idea_counts (support_count desc, idea_id desc);
create index idea_counts_discussed_idx on idea_counts (comment_count desc, idea_id desc);

drop index idea_public_supported_idx;
drop index idea_public_discussed_idx;
alter table idea drop column support_count, drop column comment_count;

-- Every idea has its counts row from the moment it exists, whoever inserts it.
create function idea_counts_row() returns trigger language plpgsql as $$
begin
    insert into idea_counts (idea_id) values (new.id);
    return new;
end $$;
create trigger idea_counts_row after insert on idea for each row execute function idea_counts_row();
