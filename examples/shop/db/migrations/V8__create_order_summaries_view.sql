/*
 * One row per order with its customer and item counts, for the
 * "My orders" page and the support back office.
 */
CREATE VIEW order_summaries AS
SELECT o.id                        AS order_id,
       o.status,
       o.placed_at,
       o.total_cents,
       c.id                        AS customer_id,
       c.email                     AS customer_email,
       c.display_name              AS customer_name,
       count(i.id)                 AS line_count,
       coalesce(sum(i.quantity), 0) AS unit_count
FROM orders AS o
JOIN customers AS c ON c.id = o.customer_id
LEFT JOIN order_items AS i ON i.order_id = o.id
GROUP BY o.id, c.id;
