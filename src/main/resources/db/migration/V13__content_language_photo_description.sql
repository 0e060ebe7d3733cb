-- The language each piece of residents' and staff's text was written in (the author's interface
-- language when they wrote it), so that pages mark it with lang="…" and screen readers read
-- French text with a French voice inside the English interface, and the reverse. Rows written
-- before this migration were written in the French-only first versions: 'fr'.
-- Each module migrates its own tables here.

-- ideas
alter table idea add column lang varchar(2) not null default 'fr' check (lang in ('fr', 'en'));
-- The author's description of their photo, used as its alternative text (empty: a generic one).
alter table idea add column photo_description varchar(250) check (char_length(photo_description) between 1 and 250);
alter table idea_event add column lang varchar(2) not null default 'fr' check (lang in ('fr', 'en'));

-- comments
alter table comment add column lang varchar(2) not null default 'fr' check (lang in ('fr', 'en'));

-- initiatives
alter table initiative add column lang varchar(2) not null default 'fr' check (lang in ('fr', 'en'));
alter table initiative_update add column lang varchar(2) not null default 'fr' check (lang in ('fr', 'en'));
