-- The views are rebuilt after every migrate, so migrations can change the tables under them.
DROP VIEW IF EXISTS account_totals;
CREATE VIEW account_totals AS
SELECT a.id, a.email, coalesce(sum(o.amount), 0) AS total
FROM accounts a
LEFT JOIN orders o ON o.account_id = a.id
GROUP BY a.id, a.email;
