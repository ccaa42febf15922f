/*
 * What the migrations must leave in the catalog, checked as pgTAP's
 * col_not_null, col_type_is, col_has_default, has_pk, fk_ok and has_index
 * would, and the edges of the CHECKs. These are the tests that kill the
 * mutation gate's schema mutants: a NOT NULL dropped, a bigint made integer,
 * a foreign key's ON DELETE changed, an index forgotten, a > that became >=.
 */

-- Every column that must be NOT NULL is.
-- migtest:expect-rows 31
SELECT table_name, column_name
FROM information_schema.columns
WHERE table_schema = 'public'
  AND table_name IN ('customers', 'customer_addresses', 'products', 'orders', 'order_items')
  AND is_nullable = 'NO';

-- Keys are 64-bit, text has no length limit, times carry their zone, money is whole cents.
-- migtest:expect-rows 30
SELECT c.table_name, c.column_name
FROM information_schema.columns AS c
JOIN (VALUES ('customers', 'id', 'bigint'),
             ('customers', 'email', 'text'),
             ('customers', 'display_name', 'text'),
             ('customers', 'created_at', 'timestamp with time zone'),
             ('customer_addresses', 'id', 'bigint'),
             ('customer_addresses', 'customer_id', 'bigint'),
             ('customer_addresses', 'label', 'text'),
             ('customer_addresses', 'line1', 'text'),
             ('customer_addresses', 'line2', 'text'),
             ('customer_addresses', 'city', 'text'),
             ('customer_addresses', 'postal_code', 'text'),
             ('products', 'id', 'bigint'),
             ('products', 'sku', 'text'),
             ('products', 'name', 'text'),
             ('products', 'description', 'text'),
             ('products', 'price_cents', 'integer'),
             ('products', 'stock', 'integer'),
             ('products', 'created_at', 'timestamp with time zone'),
             ('products', 'updated_at', 'timestamp with time zone'),
             ('orders', 'id', 'bigint'),
             ('orders', 'customer_id', 'bigint'),
             ('orders', 'shipping_address_id', 'bigint'),
             ('orders', 'placed_at', 'timestamp with time zone'),
             ('orders', 'updated_at', 'timestamp with time zone'),
             ('orders', 'total_cents', 'bigint'),
             ('order_items', 'id', 'bigint'),
             ('order_items', 'order_id', 'bigint'),
             ('order_items', 'product_id', 'bigint'),
             ('order_items', 'quantity', 'integer'),
             ('order_items', 'unit_price_cents', 'integer'))
     AS e (table_name, column_name, data_type)
  ON e.table_name = c.table_name
 AND e.column_name = c.column_name
 AND e.data_type = c.data_type
WHERE c.table_schema = 'public';

-- Defaults: the opt-in flag, the signup and change times, the address label, the stock, the
-- listing flag, the order status and its total.
-- migtest:expect-rows 11
SELECT table_name, column_name
FROM information_schema.columns
WHERE table_schema = 'public'
  AND table_name IN ('customers', 'customer_addresses', 'products', 'orders', 'order_items')
  AND column_default IS NOT NULL;

-- A primary key on each table, and the three unique keys.
-- migtest:expect-rows 8
SELECT conname
FROM pg_constraint
WHERE conrelid::regclass::text IN ('customers', 'customer_addresses', 'products', 'orders', 'order_items')
  AND contype IN ('p', 'u');

-- Each foreign key, with what deleting the parent does: addresses and line items go with their
-- customer or order, orders and sold products stay (RESTRICT), a deleted address is forgotten.
-- migtest:expect-rows 5
SELECT c.conname
FROM pg_constraint AS c
JOIN (VALUES ('customer_addresses', 'customer_id', 'c'),
             ('orders', 'customer_id', 'r'),
             ('orders', 'shipping_address_id', 'n'),
             ('order_items', 'order_id', 'c'),
             ('order_items', 'product_id', 'r'))
     AS e (table_name, column_name, on_delete)
  ON c.conrelid = e.table_name::regclass
 AND c.confdeltype = e.on_delete::"char"
 AND c.conkey = ARRAY[(SELECT attnum
                       FROM pg_attribute
                       WHERE attrelid = e.table_name::regclass
                         AND attname = e.column_name)]
WHERE c.contype = 'f';

-- The indexes behind the foreign keys and the "My orders" page.
-- migtest:expect-rows 3
SELECT indexname
FROM pg_indexes
WHERE schemaname = 'public'
  AND indexname IN ('customer_addresses_customer_id_idx',
                    'order_items_product_id_idx',
                    'orders_customer_id_placed_at_idx');

-- The edges of the CHECKs: an email needs something before the @ ...
INSERT INTO customers (email, display_name) VALUES ('edge@example.com', 'Edge Case');

-- migtest:expect-error 23514
INSERT INTO customers (email, display_name) VALUES ('@example.com', 'No Local Part');

-- ... a product may be free, and so may a line item, but not cost less than nothing. The order
-- also holds a paid item, so that its total stays positive and only the line item's own CHECK
-- can refuse the negative price (the total's CHECK would hide a missing one).
INSERT INTO products (sku, name, price_cents)
VALUES ('FREE-STICKER', 'Fox sticker', 0),
       ('POSTER-FOX', 'Fox poster', 1500);

INSERT INTO orders (customer_id)
SELECT id FROM customers WHERE email = 'edge@example.com';

INSERT INTO order_items (order_id, product_id, quantity, unit_price_cents)
SELECT o.id, p.id, 1, p.price_cents
FROM orders AS o
JOIN customers AS c ON c.id = o.customer_id
CROSS JOIN products AS p
WHERE c.email = 'edge@example.com'
  AND p.sku IN ('FREE-STICKER', 'POSTER-FOX');

-- migtest:expect-error 23514
UPDATE order_items SET unit_price_cents = -1 WHERE unit_price_cents = 0;

-- ... and an order holds at least one of each item, never zero.
-- migtest:expect-error 23514
UPDATE order_items SET quantity = 0 WHERE unit_price_cents = 0;

-- An order's total is never negative.
-- migtest:expect-error 23514
UPDATE orders SET total_cents = -1
WHERE customer_id = (SELECT id FROM customers WHERE email = 'edge@example.com');
