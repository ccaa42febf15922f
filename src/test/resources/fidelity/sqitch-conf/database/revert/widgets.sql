-- Revert widgets

BEGIN;

DROP TABLE widgets;

COMMIT;
