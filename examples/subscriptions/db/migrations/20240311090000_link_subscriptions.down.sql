-- Bug: the index stays behind, and the deleted accounts cannot come back.
ALTER TABLE subscriptions DROP CONSTRAINT subscriptions_account_fk;
