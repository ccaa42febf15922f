-- "full_name" was misleading: many customers enter a nickname or a company
-- name. The column now says what it is used for.
ALTER TABLE customers RENAME COLUMN full_name TO display_name;
