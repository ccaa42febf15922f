-- Undo V4: the triggers depend on the function.
DROP TRIGGER orders_set_updated_at ON orders;
DROP TRIGGER products_set_updated_at ON products;
DROP FUNCTION set_updated_at();
