-- Shared by deploy scripts, which include it with \ir.
CREATE FUNCTION app.stamp() RETURNS text LANGUAGE sql AS $$ SELECT 'migtest' $$;
