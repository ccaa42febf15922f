-- Mixed on purpose: with mixed = true Flyway runs this without a transaction.
CREATE TABLE ${items} (id int PRIMARY KEY, sku text);
CREATE INDEX CONCURRENTLY ${items}_sku ON ${items} (sku);
