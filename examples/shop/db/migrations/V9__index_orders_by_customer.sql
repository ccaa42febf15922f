-- "My orders" lists a customer's orders newest first; without this index it
-- scans the whole orders table.
--
-- CONCURRENTLY so checkout keeps writing orders while the index builds. It
-- cannot run inside a transaction, which is why it is alone in this
-- migration: Flyway then runs the file outside a transaction.
CREATE INDEX CONCURRENTLY orders_customer_id_placed_at_idx
    ON orders (customer_id, placed_at DESC);
