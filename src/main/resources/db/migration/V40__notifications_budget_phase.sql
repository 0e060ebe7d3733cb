-- Followers of a citizens' budget campaign are told when it enters a new phase.
alter table notification drop constraint notification_kind_check;
alter table notification add constraint notification_kind_check check (kind in ('INITIATIVE_UPDATE', 'INITIATIVE_PHASE', 'IDEA_STATUS',
    'COMMENT', 'REPLY', 'IDEA_THRESHOLD', 'MODERATION', 'BUDGET_PHASE'));
