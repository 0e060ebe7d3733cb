-- Issue 16 (h-report16): what reporting may read of comments, published by comments (their owner)
-- as a read model, so that reporting never names the comment table: what it is about, when, whether
-- it is a reply, shown or not, and its text for the comments export. Never its author.
create view comment_report as
select c.id, c.target_type, c.target_id, c.parent_id, c.created_at, c.deleted_at, c.hidden, c.body
from comment c;
