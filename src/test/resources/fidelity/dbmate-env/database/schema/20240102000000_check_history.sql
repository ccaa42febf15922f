-- migrate:up
-- Runs in the same transaction as its own history row, after the first one's.
DO $$
BEGIN
  IF (SELECT count(*) FROM meta.applied_migrations) <> 1 THEN
    RAISE 'expected the first migration in meta.applied_migrations';
  END IF;
END
$$;

-- migrate:down
