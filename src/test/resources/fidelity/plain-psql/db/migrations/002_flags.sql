-- Creates the flags table only once the countries are there.
SELECT count(*) = 2 AS seeded FROM countries \gset
\if :seeded
  CREATE TABLE flags (country char(2) PRIMARY KEY REFERENCES countries);
\else
  \warn 'countries were not loaded'
  SELECT 1/0;
\endif
