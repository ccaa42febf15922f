-- migrate:up
CREATE VIEW account_emails AS SELECT email FROM accounts;

-- migrate:down
DROP VIEW account_emails;
