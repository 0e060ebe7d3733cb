-- The receipt (récépissé) a voter keeps: a random code drawn anew at each cast, stored on the ballot.
-- It is random, so it says nothing of the choices or of the voter; it lets a voter check, once the
-- vote is counted, that a ballot with their latest receipt was counted. Voter keys are erased at the
-- count; receipts stay (they name no one).
alter table budget_ballot add column receipt varchar(14) check (receipt ~ '^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$');
create unique index budget_ballot_receipt_idx on budget_ballot (receipt);

-- The count job looks for closed campaigns not counted yet.
create index budget_campaign_uncounted_idx on budget_campaign (vote_closes_at) where counted_at is null;
