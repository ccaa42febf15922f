-- From now on orders.total_cents follows its line items automatically.

CREATE FUNCTION refresh_order_total() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    -- The order the row left (UPDATE moving an item, or DELETE).
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE orders
        SET total_cents = coalesce(
                (SELECT sum(quantity::bigint * unit_price_cents)
                 FROM order_items
                 WHERE order_id = OLD.order_id),
                0)
        WHERE id = OLD.order_id;
    END IF;

    -- The order the row is in now (INSERT, or UPDATE to another order).
    IF TG_OP = 'INSERT' THEN
        UPDATE orders
        SET total_cents = coalesce(
                (SELECT sum(quantity::bigint * unit_price_cents)
                 FROM order_items
                 WHERE order_id = NEW.order_id),
                0)
        WHERE id = NEW.order_id;
    ELSIF TG_OP = 'UPDATE' THEN
        IF NEW.order_id <> OLD.order_id THEN
            UPDATE orders
            SET total_cents = coalesce(
                    (SELECT sum(quantity::bigint * unit_price_cents)
                     FROM order_items
                     WHERE order_id = NEW.order_id),
                    0)
            WHERE id = NEW.order_id;
        END IF;
    END IF;

    RETURN NULL; -- AFTER trigger: the return value is ignored
END;
$$;

CREATE TRIGGER order_items_refresh_order_total
    AFTER INSERT OR UPDATE OR DELETE ON order_items
    FOR EACH ROW
    EXECUTE FUNCTION refresh_order_total();
