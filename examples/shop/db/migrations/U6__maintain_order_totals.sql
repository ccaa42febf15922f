-- Undo V6: stop maintaining totals; the column itself belongs to V5.
DROP TRIGGER order_items_refresh_order_total ON order_items;
DROP FUNCTION refresh_order_total();
