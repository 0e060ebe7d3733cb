-- Issue 16 (h-report16): what reporting may read of moderation, published by moderation (its owner)
-- as a read model, so that reporting never names the flag or moderation_item tables. Only the
-- columns the figures use: never who flagged, why, or the moderators' notes.

-- Flags: on what content, and when.
create view flag_report as
select f.content_type, f.content_id, f.created_at
from flag f;

-- Moderation items: when content was hidden, and the answer's deadline and date.
create view moderation_report as
select m.content_type, m.content_id, m.content_created_at, m.published_at, m.hidden, m.hidden_at, m.due_at, m.answered_at
from moderation_item m;
