-- Plain SQL, sent over JDBC: its warning is reported the same way.
ALTER TABLE accounts ADD COLUMN owner text;
COMMIT;
DROP TABLE IF EXISTS no_such_table;
