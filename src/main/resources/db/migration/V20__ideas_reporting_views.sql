-- Issue 16 (h-report16): what reporting may read of ideas and supports, published by ideas (their
-- owner) as a read model, so that reporting never names the idea, idea_counts or support tables.
-- Only the columns the dashboard, the public figures and the exports use. The views are plain
-- projections, which PostgreSQL inlines: a query on them is planned as on the tables, indexes and
-- index-only scans included (the counts are a view of their own for that reason: joined into
-- idea_report, even a join PostgreSQL drops would keep the idea's id needed, and the status funnel
-- would lose its index-only scan on idea_published_idx).

-- Every idea, whatever its status and visibility: reporting counts public ideas
-- (status <> 'PENDING' and not hidden), and flags and hidden items on any idea.
create view idea_report as
select i.id, i.title, i.status, i.hidden, i.category_id, i.neighbourhood_id, i.published_at
from idea i;

-- An idea's support and comment counts (every idea has its row, see V7).
create view idea_count_report as
select c.idea_id, c.support_count, c.comment_count
from idea_counts c;

-- Supports, without who gave them.
create view support_report as
select s.idea_id, s.created_at
from support s;
