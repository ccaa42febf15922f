-- migrate:up
ALTER TABLE accounts ADD COLUMN email text;

-- migrate:down
ALTER TABLE accounts DROP COLUMN email;
