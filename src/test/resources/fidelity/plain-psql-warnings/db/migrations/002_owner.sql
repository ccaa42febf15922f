-- Plain SQL, sent over JDBC: its warning is reported the same way.
ALTER TABLE accounts ADD COLUMN owner text;
COMMIT; -- migtest:ignore unbalanced-transaction the stray COMMIT is here for the warning it draws
DROP TABLE IF EXISTS no_such_table;
