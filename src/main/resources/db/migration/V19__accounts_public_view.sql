-- Issue 16 (h-moder16): what other modules may read of a person, published by accounts (its owner)
-- as a read model, so that they name a person without reading the account table itself: the name
-- others see, and whether officials blocked the account (and why). No e-mail, password, birth year
-- or other personal detail is in it. Moderation reads it first (the inbox, the audit, an author's
-- record, who follows up an answer).
create view account_public as
select id, display_name, blocked_at, blocked_reason
from account;
