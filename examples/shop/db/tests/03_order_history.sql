/*
 * The order history a customer sees: the order_summaries view (V8), the
 * status lifecycle and updated_at on orders (V4), and the shape V5 left
 * total_cents in.
 */

INSERT INTO customers (email, display_name)
VALUES ('jonas.berg@example.se', 'Jonas Berg'),
       ('fatima.haddad@example.net', 'Fatima Haddad');

INSERT INTO products (sku, name, price_cents, stock)
VALUES ('TEA-SENCHA-100', 'Sencha green tea, 100 g', 890, 60),
       ('CUP-CERAMIC-WHT', 'White ceramic cup', 1450, 30);

-- Jonas has two orders from last year, Fatima none yet.
INSERT INTO orders (customer_id, status, placed_at, updated_at)
SELECT c.id, placed.status::order_status, placed.at, placed.at
FROM customers AS c
CROSS JOIN (VALUES ('delivered', timestamptz '2023-11-02 10:15+01'),
                   ('shipped',   timestamptz '2023-12-18 19:40+01')) AS placed (status, at)
WHERE c.email = 'jonas.berg@example.se';

INSERT INTO order_items (order_id, product_id, quantity, unit_price_cents)
SELECT o.id, p.id, 2, p.price_cents
FROM orders AS o
JOIN customers AS c ON c.id = o.customer_id
JOIN products AS p ON p.sku IN ('TEA-SENCHA-100', 'CUP-CERAMIC-WHT')
WHERE c.email = 'jonas.berg@example.se'
  AND o.placed_at = '2023-11-02 10:15+01';

INSERT INTO order_items (order_id, product_id, quantity, unit_price_cents)
SELECT o.id, p.id, 1, p.price_cents
FROM orders AS o
JOIN customers AS c ON c.id = o.customer_id
JOIN products AS p ON p.sku = 'TEA-SENCHA-100'
WHERE c.email = 'jonas.berg@example.se'
  AND o.placed_at = '2023-12-18 19:40+01';

-- Both orders show up in the view, with their customer's renamed column.
-- migtest:expect-rows 2
SELECT order_id
FROM order_summaries
WHERE customer_email = 'jonas.berg@example.se'
  AND customer_name = 'Jonas Berg';

-- The November order: 2 lines, 4 units, 2 * 890 + 2 * 1450 = 4680.
-- migtest:expect-rows 1
SELECT order_id
FROM order_summaries
WHERE customer_email = 'jonas.berg@example.se'
  AND status = 'delivered'
  AND line_count = 2
  AND unit_count = 4
  AND total_cents = 4680;

-- Orders without items still appear, with zero counts.
INSERT INTO orders (customer_id, placed_at, updated_at)
SELECT id, '2024-01-05 08:30+01', '2024-01-05 08:30+01'
FROM customers
WHERE email = 'fatima.haddad@example.net';

-- migtest:expect-rows 1
SELECT order_id
FROM order_summaries
WHERE customer_email = 'fatima.haddad@example.net'
  AND line_count = 0
  AND unit_count = 0
  AND total_cents = 0;

-- Adding the items re-totalled the orders, and that counts as a change.
-- migtest:expect-rows 2
SELECT o.id
FROM orders AS o
JOIN customers AS c ON c.id = o.customer_id
WHERE c.email = 'jonas.berg@example.se'
  AND o.updated_at > o.placed_at;

-- Delivering the shipped order moves its updated_at to now.
UPDATE orders
SET status = 'delivered'
WHERE status = 'shipped'
  AND customer_id = (SELECT id FROM customers WHERE email = 'jonas.berg@example.se');

-- migtest:expect-rows 2
SELECT order_id
FROM order_summaries
WHERE customer_email = 'jonas.berg@example.se'
  AND status = 'delivered';

-- Fatima cancels her empty basket: a status change stamps updated_at.
UPDATE orders
SET status = 'cancelled'
WHERE customer_id = (SELECT id FROM customers WHERE email = 'fatima.haddad@example.net');

-- migtest:expect-rows 1
SELECT o.id
FROM orders AS o
JOIN customers AS c ON c.id = o.customer_id
WHERE c.email = 'fatima.haddad@example.net'
  AND o.status = 'cancelled'
  AND o.updated_at = now();

-- V5 left total_cents NOT NULL with a default of 0.
-- migtest:expect-rows 1
SELECT column_name
FROM information_schema.columns
WHERE table_schema = current_schema()
  AND table_name = 'orders'
  AND column_name = 'total_cents'
  AND is_nullable = 'NO'
  AND column_default = '0';

-- migtest:expect-error 23502
INSERT INTO orders (customer_id, total_cents)
SELECT id, NULL FROM customers WHERE email = 'fatima.haddad@example.net';

-- An order must belong to a customer.
-- migtest:expect-error 23502
INSERT INTO orders (status) VALUES ('pending');

-- migtest:expect-error 23503
INSERT INTO orders (customer_id) VALUES (-1);
