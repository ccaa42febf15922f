-- migrate:up
-- dbmate created the schema app for applied_migrations; users went there too.
DO $$
BEGIN
  IF to_regclass('app.users') IS NULL THEN
    RAISE 'expected users in the schema app';
  END IF;
  IF (SELECT count(*) FROM app.applied_migrations) <> 1 THEN
    RAISE 'expected the first migration in app.applied_migrations';
  END IF;
END
$$;

-- migrate:down
