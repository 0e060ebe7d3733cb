-- Reporting reads activity by date: one index per dated table it counts from.
create index support_created_idx on support (created_at);
create index comment_idea_created_idx on comment (created_at) where target_type = 'IDEA';
create index account_created_idx on account (created_at);
create index idea_published_idx on idea (published_at) where status <> 'PENDING' and not hidden;
create index flag_created_idx on flag (created_at);
create index moderation_hidden_at_idx on moderation_item (hidden_at) where hidden;
