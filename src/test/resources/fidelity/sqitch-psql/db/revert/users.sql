-- Revert app:users from pg

BEGIN;
DROP TABLE app.users;
DROP FUNCTION app.stamp();
COMMIT;
