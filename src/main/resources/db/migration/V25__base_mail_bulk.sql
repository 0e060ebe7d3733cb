-- Bulk mails (notifications and daily digests, which can be thousands at once) wait behind the
-- mails a person is waiting for right now (password reset, e-mail confirmation, account notices):
-- the sender claims non-bulk mails first, then the rest in order.
alter table mail_outbox add column bulk boolean not null default false;

drop index mail_outbox_due;
create index mail_outbox_due on mail_outbox (channel, bulk, next_attempt_at, id) where status = 'PENDING';
