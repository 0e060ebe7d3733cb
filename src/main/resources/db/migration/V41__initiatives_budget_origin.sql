-- An initiative may continue a winning project of the citizens' budget: the budget module gives the
-- project's id and the campaign's title when it creates the initiative (initiatives read no budget
-- table), and the initiative's page links back to the project. One initiative per project at most.
alter table initiative add column origin_budget_project_id bigint,
                       add column origin_budget_campaign   varchar(150);
create unique index initiative_origin_budget_project_idx on initiative (origin_budget_project_id) where origin_budget_project_id is not null;
