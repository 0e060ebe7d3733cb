-- initiatives: staff describe each image they add, in a sentence that becomes its alternative text
-- for those who do not see it (as residents describe their ideas' photos, V13). A new cover or
-- update image needs one (checked by InitiativeService); images added before this migration have
-- none and keep a generic text naming their initiative or update.
alter table initiative add column cover_description varchar(250) check (char_length(cover_description) between 1 and 250);
alter table initiative_update add column image_description varchar(250) check (char_length(image_description) between 1 and 250);
-- A description only goes with an image.
alter table initiative add constraint initiative_cover_description_with_cover check (cover_description is null or has_cover);
alter table initiative_update add constraint initiative_update_image_description_with_image check (image_description is null or has_image);
