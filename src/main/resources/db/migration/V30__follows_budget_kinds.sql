-- Residents follow citizens' budget campaigns and projects as they follow ideas and initiatives
-- (ContentKind BUDGET_CAMPAIGN and BUDGET_PROJECT).
alter table follow drop constraint follow_target_type_check;
alter table follow add constraint follow_target_type_check check (target_type in ('IDEA', 'INITIATIVE', 'BUDGET_CAMPAIGN', 'BUDGET_PROJECT'));
