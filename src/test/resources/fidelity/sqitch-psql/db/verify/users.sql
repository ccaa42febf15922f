-- Verify app:users on pg
-- Sqitch sets :registry for every script it runs.

SELECT 1/(:'registry' = 'sqitch')::int;
SELECT id, name, created_by FROM app.users WHERE false;
SELECT 1/(app.stamp() = 'migtest')::int;
