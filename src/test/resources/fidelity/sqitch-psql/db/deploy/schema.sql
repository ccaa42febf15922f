-- Deploy app:schema to pg
-- The schema's name and comment come from psql variables.
\set schema_name app
\set note 'created by the schema change'

BEGIN;

CREATE SCHEMA :"schema_name";
COMMENT ON SCHEMA :"schema_name" IS :'note';

COMMIT;
