-- The table landed in the default schema, with the placeholder's value as its default.
-- migtest:expect-rows 1
SELECT 1 FROM app.accounts WHERE home_schema = 'app';
-- Flyway's history table is app.schema_history.
-- migtest:expect-rows 2
SELECT version FROM app.schema_history WHERE version IN ('1', '3');
