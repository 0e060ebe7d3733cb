-- The town's presentation in English, shown on the home page of the English interface; empty
-- until an administrator writes it (the French presentation is shown meanwhile, marked lang="fr").
-- Same length limit as the French presentation (V1).
alter table town_settings add column description_en varchar(600) not null default '';
