BEGIN;
ALTER TABLE users ADD name text;
COMMIT;
