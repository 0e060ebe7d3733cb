-- The rollups of supports and comments are kept at commit instead of at the insert. Every support
-- of a day in one category and neighbourhood adds to the same activity_daily row; updated at the
-- insert, that row stayed locked for the rest of the transaction, and under load the next
-- supports waited for it (270 ms seen on the city data set, docs/BENCHMARKS.md). Deferred to the
-- commit, the lock lasts as long as the commit. The functions are unchanged; they read the final
-- state, so a support given and withdrawn in one transaction still leaves nothing behind.
drop trigger support_rollups on support;
create constraint trigger support_rollups after insert or delete on support
    deferrable initially deferred for each row execute function rollups_on_support();

drop trigger comment_rollups on comment;
create constraint trigger comment_rollups after insert or update of deleted_at, hidden or delete on comment
    deferrable initially deferred for each row execute function rollups_on_comment();
