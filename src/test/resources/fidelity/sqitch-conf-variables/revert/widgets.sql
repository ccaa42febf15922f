-- Revert widgets:widgets
DROP SCHEMA :"schema" CASCADE;
