-- The sign-up form asks for first and last name now.
ALTER TABLE accounts ADD COLUMN first_name text, ADD COLUMN last_name text;
UPDATE accounts
SET first_name = split_part(full_name, ' ', 1),
    last_name = nullif(substr(full_name, length(split_part(full_name, ' ', 1)) + 2), '');
ALTER TABLE accounts DROP COLUMN full_name;
