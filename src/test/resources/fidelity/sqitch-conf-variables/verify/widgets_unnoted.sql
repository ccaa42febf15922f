-- Verify widgets:widgets_unnoted
SELECT 1/(count(*) = 0)::int FROM information_schema.columns
 WHERE table_schema = :'schema' AND table_name = 'widgets' AND column_name = 'note';
