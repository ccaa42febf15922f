-- migrate:up
CREATE UNIQUE INDEX accounts_email ON accounts (email);

-- migrate:down
DROP INDEX accounts_email;
