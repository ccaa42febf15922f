-- migrate:up
DO $$
BEGIN
  IF to_regclass('app.users') IS NULL THEN
    RAISE 'expected users in the schema app, which dbmate created for schema_migrations';
  END IF;
  IF (SELECT count(*) FROM app.schema_migrations) <> 1 THEN
    RAISE 'expected the first migration in app.schema_migrations';
  END IF;
END
$$;

-- migrate:down
