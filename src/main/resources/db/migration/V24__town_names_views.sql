-- Issue 16 (h-report16): the names of the town's categories and neighbourhoods, published by town
-- (their owner) for modules that label, group or sort figures by them in SQL (reporting), so that
-- they never name the category or neighbourhood tables. Code that needs them in Java calls
-- TownService instead (cached).
create view category_public as
select c.id, c.name_fr, c.name_en, c.active
from category c;

create view neighbourhood_public as
select n.id, n.name, n.active
from neighbourhood n;
