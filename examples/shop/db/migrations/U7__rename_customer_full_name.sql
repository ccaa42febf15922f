-- Undo V7.
ALTER TABLE customers RENAME COLUMN display_name TO full_name;
