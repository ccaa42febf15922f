-- Flyway runs this once per migrate, before the first migration, in a transaction of its own.
CREATE TABLE IF NOT EXISTS migration_audit (
  id serial PRIMARY KEY,
  phase text NOT NULL,
  tx bigint NOT NULL
);
