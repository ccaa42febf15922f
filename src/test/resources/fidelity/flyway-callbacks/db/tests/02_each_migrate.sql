-- Each migration ran between its beforeEachMigrate and afterEachMigrate callbacks, all three and
-- its history row in one transaction.
-- migtest:expect-rows 2
SELECT 1 FROM migration_audit b
JOIN migration_audit a ON a.tx = b.tx AND a.phase = 'after'
WHERE b.phase = 'before';
-- migtest:expect-rows 2
SELECT 1 FROM flyway_schema_history h
JOIN migration_audit a ON a.tx = h.xmin::text::bigint AND a.phase = 'after';
