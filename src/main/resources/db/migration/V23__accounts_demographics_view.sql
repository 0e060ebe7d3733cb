-- Issue 16 (h-report16): what reporting may read of accounts, published by accounts (their owner)
-- as a read model, so that reporting never names the account table: when the account was created
-- and confirmed, and what the person chose to declare of their neighbourhood, birth year and sex,
-- for new accounts and representativeness. No name, e-mail, password or other detail.
create view account_demographics as
select a.id, a.created_at, a.email_confirmed_at, a.neighbourhood_id, a.birth_year, a.sex
from account a;
