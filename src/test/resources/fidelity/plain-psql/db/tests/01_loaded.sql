-- The CSV was loaded and the conditional branch ran.
-- migtest:expect-rows 2
SELECT * FROM countries;
-- migtest:expect-rows 1
SELECT 1 FROM pg_tables WHERE tablename = 'flags';
