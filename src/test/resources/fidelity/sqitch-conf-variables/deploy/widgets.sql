-- Deploy widgets:widgets
-- :schema, :owner and :registry come from sqitch.conf, which Sqitch passes as psql variables.
BEGIN;
CREATE SCHEMA :"schema";
CREATE TABLE :"schema".widgets (
  id int PRIMARY KEY,
  note text,
  owner text DEFAULT :'owner',
  registry text DEFAULT :'registry'
);
COMMIT;
