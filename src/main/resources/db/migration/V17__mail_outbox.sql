-- The mail outbox, owned by base/mail (every module sends through its Mailer): each e-mail is
-- written here in the transaction of what caused it (a notification, a reset token…) and delivered
-- after the commit by MailSender, which retries temporary failures and marks permanent ones.
-- Delivered and failed mails are deleted after participe.mail.outbox.keep (personal data).
create table mail_outbox (
    id              bigint generated always as identity primary key,
    -- how the instance that wrote it delivers: SMTP, or the dev outbox page (no SMTP configured)
    channel         text        not null check (channel in ('SMTP', 'DEV_OUTBOX')),
    -- the account the mail concerns, if any: erased with it (no foreign key, the account belongs to accounts)
    account_id      bigint,
    recipient       text        not null check (recipient <> '' and length(recipient) <= 320),
    subject         text        not null,
    text_body       text        not null,
    html_body       text        not null,
    -- extra headers, one "Name: value" per line
    headers         text        not null default '',
    status          text        not null default 'PENDING' check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    attempts        integer     not null default 0 check (attempts >= 0),
    created_at      timestamptz not null default now(),
    next_attempt_at timestamptz not null default now(),
    claimed_by      uuid,
    claimed_until   timestamptz,
    sent_at         timestamptz,
    failed_at       timestamptz,
    last_error      text check (length(last_error) <= 1000),
    constraint mail_outbox_sending_is_claimed check ((status = 'SENDING') = (claimed_by is not null and claimed_until is not null)),
    constraint mail_outbox_sent_has_time check ((status = 'SENT') = (sent_at is not null)),
    constraint mail_outbox_failed_has_reason check ((status = 'FAILED') = (failed_at is not null and last_error is not null)),
    constraint mail_outbox_tried_before_done check (status in ('PENDING', 'SENDING') or attempts > 0)
);

-- The sender's claim: due mails of its channel, oldest first; and claims that ran out.
create index mail_outbox_due on mail_outbox (channel, next_attempt_at, id) where status = 'PENDING';
create index mail_outbox_claimed on mail_outbox (channel, claimed_until) where status = 'SENDING';
-- The dev outbox page (latest delivered) and the purge of delivered and failed mails.
create index mail_outbox_sent on mail_outbox (channel, sent_at) where status = 'SENT';
create index mail_outbox_failed on mail_outbox (failed_at) where status = 'FAILED';
-- Erasure with an account.
create index mail_outbox_account on mail_outbox (account_id) where account_id is not null;
