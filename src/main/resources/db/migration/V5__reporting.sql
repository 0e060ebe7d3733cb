-- Reporting reads activity by date: one index per dated table it counts from.
create index support_created_idx on support (created_at);
create index comment_idea_created_idx on comment (created_at) where target_type = 'IDEA';
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
