-- Undo V1: addresses reference customers, so they go first.
DROP TABLE customer_addresses;
DROP TABLE customers;
