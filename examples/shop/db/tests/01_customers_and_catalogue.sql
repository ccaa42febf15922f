/*
 * Customers, their addresses and the product catalogue: the constraints from
 * V1 and V2, the rename from V7 and the updated_at trigger from V4.
 */

INSERT INTO customers (email, display_name, marketing_opt_in)
VALUES ('ana.souza@example.com', 'Ana Souza', true),
       ('li.wei@example.org', 'Li Wei', false);

INSERT INTO customer_addresses (customer_id, label, line1, city, postal_code, country_code)
SELECT id, 'home', 'Rua das Flores 12', 'Lisboa', '1200-195', 'PT'
FROM customers
WHERE email = 'ana.souza@example.com';

-- The same email cannot register twice.
-- migtest:expect-error 23505
INSERT INTO customers (email, display_name)
VALUES ('ana.souza@example.com', 'Ana S.');

-- Emails must arrive lower-cased, or the unique key could be dodged.
-- migtest:expect-error 23514
INSERT INTO customers (email, display_name)
VALUES ('Li.Wei@Example.org', 'Li Wei');

-- migtest:expect-error 23514
INSERT INTO customers (email, display_name)
VALUES ('li.wei.example.org', 'Li Wei');

-- A customer needs a name to put on the parcel.
-- migtest:expect-error 23502
INSERT INTO customers (email)
VALUES ('no.name@example.com');

-- Defaults fill in the opt-in flag and the signup time.
-- migtest:expect-rows 1
SELECT email
FROM customers
WHERE email = 'li.wei@example.org'
  AND marketing_opt_in = false
  AND created_at IS NOT NULL;

-- V7 renamed full_name to display_name and kept the data.
-- migtest:expect-rows 1
SELECT display_name
FROM customers
WHERE email = 'ana.souza@example.com'
  AND display_name = 'Ana Souza';

-- migtest:expect-error 42703
SELECT full_name FROM customers;

-- Country codes are ISO 3166-1 alpha-2, upper case.
-- migtest:expect-error 23514
INSERT INTO customer_addresses (customer_id, line1, city, postal_code, country_code)
SELECT id, '88 Nanjing Road', 'Shanghai', '200001', 'cn'
FROM customers
WHERE email = 'li.wei@example.org';

-- An address cannot point at a customer that does not exist.
-- migtest:expect-error 23503
INSERT INTO customer_addresses (customer_id, line1, city, postal_code, country_code)
VALUES (-1, '1 Nowhere Lane', 'Atlantis', '00000', 'GR');

-- Erasing a customer (without orders) takes their addresses along.
DELETE FROM customers WHERE email = 'ana.souza@example.com';

-- migtest:expect-rows 0
SELECT id FROM customer_addresses WHERE line1 = 'Rua das Flores 12';

-- The catalogue. updated_at is back-dated to see the trigger move it.
INSERT INTO products (sku, name, price_cents, stock, updated_at)
VALUES ('MUG-BLU-350', 'Blue enamel mug, 350 ml', 1290, 40, '2023-03-01 09:00+00'),
       ('TEE-ORG-M', 'Organic cotton T-shirt, size M', 2450, 12, '2023-03-01 09:00+00');

-- migtest:expect-error 23505
INSERT INTO products (sku, name, price_cents)
VALUES ('MUG-BLU-350', 'Blue mug (duplicate listing)', 990);

-- migtest:expect-error 23514
INSERT INTO products (sku, name, price_cents)
VALUES ('MUG-RED-350', 'Red enamel mug, 350 ml', -100);

-- migtest:expect-error 23502
INSERT INTO products (sku, price_cents)
VALUES ('MUG-GRN-350', 1290);

-- Selling more than the shelf holds is refused.
-- migtest:expect-error 23514
UPDATE products SET stock = stock - 13 WHERE sku = 'TEE-ORG-M';

-- New products start with no stock and listed.
INSERT INTO products (sku, name, price_cents)
VALUES ('PIN-FOX-25', 'Fox enamel pin', 650);

-- migtest:expect-rows 1
SELECT sku FROM products WHERE sku = 'PIN-FOX-25' AND stock = 0 AND is_active;

-- A real change moves updated_at ...
UPDATE products SET price_cents = 1390 WHERE sku = 'MUG-BLU-350';

-- migtest:expect-rows 1
SELECT sku
FROM products
WHERE sku = 'MUG-BLU-350'
  AND updated_at > '2023-03-01 09:00+00';

-- ... a no-op update does not.
UPDATE products SET price_cents = price_cents WHERE sku = 'TEE-ORG-M';

-- migtest:expect-rows 1
SELECT sku
FROM products
WHERE sku = 'TEE-ORG-M'
  AND updated_at = '2023-03-01 09:00+00';
