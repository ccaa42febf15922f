-- Undo V2.
DROP TABLE products;
