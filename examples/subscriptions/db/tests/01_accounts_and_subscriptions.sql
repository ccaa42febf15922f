/*
 * Accounts and their subscriptions as the pull request leaves them: the
 * constraints and defaults of the first two migrations, the split names and
 * the subscriptions' foreign key.
 */

INSERT INTO accounts (first_name, last_name, email, confirmed)
VALUES ('Ada', 'Lovelace', 'ada@example.com', true);

INSERT INTO accounts (first_name, email)
VALUES ('Grace', 'grace@example.com');

-- An email signs up once, and an account needs one.
-- migtest:expect-error 23505
INSERT INTO accounts (first_name, email) VALUES ('Ada', 'ada@example.com');

-- migtest:expect-error 23502
INSERT INTO accounts (first_name) VALUES ('Nobody');

-- New accounts get an id, start unconfirmed and are stamped with their sign-up time.
-- migtest:expect-rows 1
SELECT id
FROM accounts
WHERE email = 'grace@example.com'
  AND id IS NOT NULL
  AND NOT confirmed
  AND created_at IS NOT NULL;

-- migtest:expect-error 23502
UPDATE accounts SET confirmed = NULL WHERE email = 'grace@example.com';

-- migtest:expect-error 23502
UPDATE accounts SET created_at = NULL WHERE email = 'grace@example.com';

-- Two accounts cannot share an id.
-- migtest:expect-error 23505
INSERT INTO accounts (id, first_name, email)
SELECT id, 'Copy', 'copy@example.com' FROM accounts WHERE email = 'ada@example.com';

-- Ids and names have room to grow: ids past 2^31, long addresses and names.
INSERT INTO accounts (id, first_name, last_name, email)
VALUES (3000000000, 'Maximiliana Theodora Konstantina Alexandrovna-Petrova',
        'Wolfeschlegelsteinhausenbergerdorff-Featherstonehaugh',
        'maximiliana.theodora.alexandrovna-petrova@long-domain.example.com');

-- migtest:expect-rows 1
SELECT id FROM accounts WHERE id = 3000000000 AND length(email) > 60;

-- A sign-up time keeps its time zone.
SET LOCAL TIME ZONE 'UTC';

UPDATE accounts SET created_at = '2024-03-01 12:00:00+02' WHERE email = 'ada@example.com';

-- migtest:expect-rows 1
SELECT id FROM accounts
WHERE email = 'ada@example.com' AND created_at = TIMESTAMPTZ '2024-03-01 10:00:00+00';

-- The names live in their own columns now.
-- migtest:expect-rows 1
SELECT id FROM accounts WHERE first_name = 'Ada' AND last_name = 'Lovelace';

-- Every account that had a name before the split has a first name after it.
-- migtest:expect-rows 0
SELECT id FROM accounts WHERE first_name IS NULL;

-- The accounts that were never confirmed before this pull request are gone (the ones this
-- test signed up, in its own transaction, are as new as now()).
-- migtest:expect-rows 0
SELECT id FROM accounts WHERE NOT confirmed AND created_at < now();

INSERT INTO subscriptions (account_id, plan, started_on)
SELECT id, 'pro', DATE '2024-03-01' FROM accounts WHERE email = 'ada@example.com';

INSERT INTO subscriptions (id, account_id, plan, started_on)
VALUES (3000000000, 3000000000, 'team', DATE '2024-03-01');

-- migtest:expect-rows 1
SELECT s.id
FROM subscriptions AS s
JOIN accounts AS a ON a.id = s.account_id
WHERE a.email = 'ada@example.com' AND s.plan = 'pro';

-- Only the three plans exist, and a subscription needs an account, a plan and a start.
-- migtest:expect-error 23514
INSERT INTO subscriptions (account_id, plan, started_on)
SELECT id, 'enterprise', DATE '2024-03-01' FROM accounts WHERE email = 'ada@example.com';

-- migtest:expect-error 23514
INSERT INTO subscriptions (account_id, plan, started_on)
SELECT id, 'enterprise plan for the largest customers, billed yearly', DATE '2024-03-01'
FROM accounts WHERE email = 'ada@example.com';

-- migtest:expect-error 23502
INSERT INTO subscriptions (account_id, plan, started_on)
SELECT id, NULL, DATE '2024-03-01' FROM accounts WHERE email = 'ada@example.com';

-- migtest:expect-error 23502
INSERT INTO subscriptions (account_id, plan, started_on)
VALUES (NULL, 'free', DATE '2024-03-01');

-- migtest:expect-error 23502
INSERT INTO subscriptions (account_id, plan, started_on)
SELECT id, 'free', NULL FROM accounts WHERE email = 'ada@example.com';

-- migtest:expect-error 23505
INSERT INTO subscriptions (id, account_id, plan, started_on)
SELECT s.id, s.account_id, 'team', DATE '2024-04-01' FROM subscriptions AS s;

-- A subscription points at an account that exists (the key is NOT VALID, but new rows are checked).
-- migtest:expect-error 23503
INSERT INTO subscriptions (account_id, plan, started_on)
VALUES (-1, 'free', DATE '2024-03-01');

-- An account with subscriptions cannot be deleted from under them.
-- migtest:expect-error 23503
DELETE FROM accounts WHERE email = 'ada@example.com';

-- An account's subscriptions are found through an index, not by reading them all.
-- migtest:expect-rows 1
SELECT indexname
FROM pg_indexes
WHERE schemaname = 'public' AND tablename = 'subscriptions' AND indexdef LIKE '%(account_id)';
