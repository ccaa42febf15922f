-- Verify widgets:widgets
BEGIN;
SELECT 1/(count(*) = 2)::int FROM information_schema.columns
 WHERE table_schema = :'schema' AND table_name = 'widgets'
   AND column_default IN ('''app_admin''::text', '''meta''::text');
SELECT note FROM :"schema".widgets WHERE false;
ROLLBACK;
