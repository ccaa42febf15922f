-- Flyway runs this after each migration, in its transaction, before the history row is written.
INSERT INTO migration_audit (phase, tx) VALUES ('after', txid_current() % 4294967296);
