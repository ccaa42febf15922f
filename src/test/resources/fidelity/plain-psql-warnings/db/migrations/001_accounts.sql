-- Run as psql -X -v ON_ERROR_STOP=1 -f: it succeeds, with a warning of the server and a line of its own.
\set table accounts
CREATE TABLE :"table" (id int PRIMARY KEY);
DO $$ BEGIN RAISE WARNING 'accounts has no owner yet' USING HINT = 'run 002 before going live'; END $$;
DO $$ BEGIN RAISE NOTICE 'a notice is no warning'; END $$;
\warn accounts created without an owner
