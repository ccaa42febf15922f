-- Flyway runs this before each migration, in the migration's transaction.
INSERT INTO migration_audit (phase, tx) VALUES ('before', txid_current() % 4294967296);
