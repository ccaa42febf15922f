-- Undo V3: tables first, then the enum they use.
DROP TABLE order_items;
DROP TABLE orders;
DROP TYPE order_status;
