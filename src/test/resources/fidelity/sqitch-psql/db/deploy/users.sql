-- Deploy app:users to pg
-- requires: schema

BEGIN;

\ir ../shared/stamp.sql

CREATE TABLE app.users (
  id int PRIMARY KEY,
  name text NOT NULL,
  created_by text NOT NULL DEFAULT app.stamp()
);

COMMIT;
