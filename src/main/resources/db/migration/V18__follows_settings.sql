-- Whether supporting an idea also follows it is a setting of the follows module, which owns it
-- from now on (it was a column of account, owned by accounts). A person without a row has the
-- default, on: only those who switched it off need one, so that is the data to copy.
create table follow_settings (
    account_id         bigint  primary key references account (id) on delete cascade,
    follow_on_support  boolean not null default true
);
insert into follow_settings (account_id, follow_on_support)
select id, false from account where not follow_on_support;
alter table account drop column follow_on_support;
