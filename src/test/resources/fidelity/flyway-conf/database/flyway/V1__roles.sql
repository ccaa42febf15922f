-- ${schema} is Flyway's placeholder: the schema the application owns.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${owner_role}') THEN
    CREATE ROLE ${owner_role};
  END IF;
END
$$;
GRANT USAGE ON SCHEMA ${schema} TO ${owner_role};
