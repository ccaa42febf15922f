-- Undo V9, again without blocking writes to orders; alone for the same reason.
DROP INDEX CONCURRENTLY orders_customer_id_placed_at_idx;
