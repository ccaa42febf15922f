-- Deploy widgets

BEGIN;

CREATE TABLE widgets (id int PRIMARY KEY);

COMMIT;
