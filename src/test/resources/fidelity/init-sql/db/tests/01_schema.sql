-- The migration created its table in the schema init-sql put first.
-- migtest:expect-rows 1
SELECT 1 FROM pg_tables WHERE schemaname = 'app' AND tablename = 'accounts';
