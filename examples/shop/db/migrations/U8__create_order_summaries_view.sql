-- Undo V8.
DROP VIEW order_summaries;
