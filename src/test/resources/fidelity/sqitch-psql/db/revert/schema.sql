-- Revert app:schema from pg
\set schema_name app

DROP SCHEMA :"schema_name";
