-- The first of the environment's schemas is the default: the table and the history are there.
-- migtest:expect-rows 1
SELECT 1 FROM pg_indexes WHERE schemaname = 'inventory' AND indexname = 'stock_items_sku';
-- migtest:expect-rows 1
SELECT 1 FROM inventory.flyway_schema_history WHERE script LIKE '%M1-stock.sql';
-- Flyway creates every schema of the environment.
-- migtest:expect-rows 1
SELECT 1 FROM pg_namespace WHERE nspname = 'audit';
-- The environment's initSql ran on the connection.
-- migtest:expect-rows 1
SELECT 1 WHERE current_setting('application_name') = 'from-flyway-toml';
