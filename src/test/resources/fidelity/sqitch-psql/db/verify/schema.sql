-- Verify app:schema on pg

SELECT 1/count(*)
  FROM pg_namespace n JOIN pg_description d ON d.objoid = n.oid
 WHERE n.nspname = 'app' AND d.description = 'created by the schema change';
