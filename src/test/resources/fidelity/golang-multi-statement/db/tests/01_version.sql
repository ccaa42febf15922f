-- golang-migrate's table, named by x-migrations-table, holds the last version.
-- migtest:expect-rows 1
SELECT 1 FROM schema_version WHERE version = 2 AND NOT dirty;
