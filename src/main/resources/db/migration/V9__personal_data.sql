-- A person's rights: a deleted account stays as an anonymous row (so that supports keep counting
-- and kept contributions keep an author), and a person's data exports are links valid 7 days.

alter table account add column deleted_at timestamptz;
-- Nothing personal survives on a deleted account, whatever the application does.
alter table account add constraint account_deleted_is_anonymous check (
    deleted_at is null or (neighbourhood_id is null and birth_year is null and sex is null and blocked_reason is null
                           and email like 'deleted-%@deleted.invalid'));

create table data_export (
    id          uuid        primary key default gen_random_uuid(),
    account_id  bigint      not null references account (id) on delete cascade,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    downloads   integer     not null default 0 check (downloads >= 0),
    check (expires_at > created_at)
);
create index data_export_account_idx on data_export (account_id, created_at desc);
create index data_export_expires_idx on data_export (expires_at);
