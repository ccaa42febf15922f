CREATE TABLE items (id int PRIMARY KEY, sku text);
CREATE INDEX CONCURRENTLY items_sku ON items (sku);
