/*
 * Placing an order: foreign keys and their ON DELETE actions (V3), the
 * backfilled total_cents column (V5) and the trigger that keeps it in step
 * with the line items (V6).
 */

INSERT INTO customers (email, display_name)
VALUES ('marta.kowalska@example.pl', 'Marta Kowalska');

INSERT INTO customer_addresses (customer_id, line1, city, postal_code, country_code)
SELECT id, 'ul. Długa 7/3', 'Gdańsk', '80-827', 'PL'
FROM customers
WHERE email = 'marta.kowalska@example.pl';

INSERT INTO products (sku, name, price_cents, stock)
VALUES ('BAG-CANVAS-NAT', 'Canvas tote bag, natural', 1800, 25),
       ('NB-A5-DOT', 'A5 dotted notebook', 990, 100),
       ('PEN-GEL-BLK', 'Black gel pen', 250, 500);

INSERT INTO orders (customer_id, shipping_address_id)
SELECT c.id, a.id
FROM customers AS c
JOIN customer_addresses AS a ON a.customer_id = c.id
WHERE c.email = 'marta.kowalska@example.pl';

-- A fresh order is pending and, having no items, totals 0 (V5's default).
-- migtest:expect-rows 1
SELECT o.id
FROM orders AS o
JOIN customers AS c ON c.id = o.customer_id
WHERE c.email = 'marta.kowalska@example.pl'
  AND o.status = 'pending'
  AND o.total_cents = 0;

-- One tote bag and three notebooks: 1800 + 3 * 990 = 4770.
INSERT INTO order_items (order_id, product_id, quantity, unit_price_cents)
SELECT o.id, p.id, wanted.quantity, p.price_cents
FROM orders AS o
JOIN customers AS c ON c.id = o.customer_id
CROSS JOIN (VALUES ('BAG-CANVAS-NAT', 1), ('NB-A5-DOT', 3)) AS wanted (sku, quantity)
JOIN products AS p ON p.sku = wanted.sku
WHERE c.email = 'marta.kowalska@example.pl';

-- migtest:expect-rows 1
SELECT o.id
FROM orders AS o
JOIN customers AS c ON c.id = o.customer_id
WHERE c.email = 'marta.kowalska@example.pl'
  AND o.total_cents = 4770;

-- Changing a quantity re-totals the order: 1800 + 5 * 990 = 6750.
UPDATE order_items AS i
SET quantity = 5
FROM products AS p
WHERE p.id = i.product_id
  AND p.sku = 'NB-A5-DOT';

-- migtest:expect-rows 1
SELECT o.id
FROM orders AS o
JOIN customers AS c ON c.id = o.customer_id
WHERE c.email = 'marta.kowalska@example.pl'
  AND o.total_cents = 6750;

-- Removing the bag leaves 5 * 990 = 4950.
DELETE FROM order_items AS i
USING products AS p
WHERE p.id = i.product_id
  AND p.sku = 'BAG-CANVAS-NAT';

-- migtest:expect-rows 1
SELECT o.id
FROM orders AS o
JOIN customers AS c ON c.id = o.customer_id
WHERE c.email = 'marta.kowalska@example.pl'
  AND o.total_cents = 4950;

-- A product appears once per order; bump the quantity instead.
-- migtest:expect-error 23505
INSERT INTO order_items (order_id, product_id, quantity, unit_price_cents)
SELECT o.id, p.id, 1, p.price_cents
FROM orders AS o
JOIN customers AS c ON c.id = o.customer_id
JOIN products AS p ON p.sku = 'NB-A5-DOT'
WHERE c.email = 'marta.kowalska@example.pl';

-- migtest:expect-error 23514
INSERT INTO order_items (order_id, product_id, quantity, unit_price_cents)
SELECT o.id, p.id, 0, p.price_cents
FROM orders AS o
JOIN customers AS c ON c.id = o.customer_id
JOIN products AS p ON p.sku = 'PEN-GEL-BLK'
WHERE c.email = 'marta.kowalska@example.pl';

-- migtest:expect-error 23503
INSERT INTO order_items (order_id, product_id, quantity, unit_price_cents)
SELECT o.id, -1, 1, 100
FROM orders AS o
JOIN customers AS c ON c.id = o.customer_id
WHERE c.email = 'marta.kowalska@example.pl';

-- Only the statuses of the order_status enum are accepted.
-- migtest:expect-error 22P02
UPDATE orders SET status = 'lost_in_transit'
WHERE customer_id = (SELECT id FROM customers WHERE email = 'marta.kowalska@example.pl');

-- total_cents was made NOT NULL after the backfill, and cannot go negative.
-- migtest:expect-error 23502
UPDATE orders SET total_cents = NULL
WHERE customer_id = (SELECT id FROM customers WHERE email = 'marta.kowalska@example.pl');

-- migtest:expect-error 23514
UPDATE orders SET total_cents = -1
WHERE customer_id = (SELECT id FROM customers WHERE email = 'marta.kowalska@example.pl');

-- A customer with orders cannot be deleted (ON DELETE RESTRICT) ...
-- migtest:expect-error 23503
DELETE FROM customers WHERE email = 'marta.kowalska@example.pl';

-- ... nor can a product someone has ordered.
-- migtest:expect-error 23503
DELETE FROM products WHERE sku = 'NB-A5-DOT';

-- Deleting the address keeps the order but forgets where it went (SET NULL).
DELETE FROM customer_addresses WHERE line1 = 'ul. Długa 7/3';

-- migtest:expect-rows 1
SELECT o.id
FROM orders AS o
JOIN customers AS c ON c.id = o.customer_id
WHERE c.email = 'marta.kowalska@example.pl'
  AND o.shipping_address_id IS NULL;

-- Deleting the order takes its line items along (CASCADE); the total trigger
-- fires for each of them and must cope with the order being gone.
DELETE FROM orders
WHERE customer_id = (SELECT id FROM customers WHERE email = 'marta.kowalska@example.pl');

-- migtest:expect-rows 0
SELECT i.id
FROM order_items AS i
JOIN products AS p ON p.id = i.product_id
WHERE p.sku IN ('BAG-CANVAS-NAT', 'NB-A5-DOT', 'PEN-GEL-BLK');

-- With its orders gone the customer can now be erased.
DELETE FROM customers WHERE email = 'marta.kowalska@example.pl';

-- migtest:expect-rows 0
SELECT id FROM customers WHERE email = 'marta.kowalska@example.pl';
