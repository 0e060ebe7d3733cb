-- A sign-in whose password is being checked: reserved before the check, under the account's row
-- lock, so that a burst of parallel attempts gets no more password checks than the failures allowed.
alter table login_attempt drop constraint login_attempt_outcome_check;
alter table login_attempt add constraint login_attempt_outcome_check
    check (outcome in ('PENDING', 'SUCCESS', 'FAILURE', 'LOCKED', 'REFUSED'));
