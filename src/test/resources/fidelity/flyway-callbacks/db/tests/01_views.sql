-- The afterMigrate callback built the view the application reads.
INSERT INTO accounts VALUES (1, 'ann@example.com'), (2, 'bob@example.com');
INSERT INTO orders VALUES (1, 1, 10), (2, 1, 20);
-- migtest:expect-rows 1
SELECT 1 FROM account_totals WHERE id = 1 AND total = 30;
-- migtest:expect-rows 1
SELECT 1 FROM account_totals WHERE id = 2 AND total = 0;
