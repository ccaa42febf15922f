-- Undo V5. The totals are derived from order_items, so nothing is lost;
-- dropping the column also drops its CHECK constraint.
ALTER TABLE orders DROP COLUMN total_cents;
