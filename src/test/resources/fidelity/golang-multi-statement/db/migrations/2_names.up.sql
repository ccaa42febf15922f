ALTER TABLE items ADD COLUMN name text;
