-- Loads reference data from a CSV file of the repository, as `psql -f` run from the project root does.
CREATE TABLE countries (code char(2) PRIMARY KEY, name text NOT NULL);
\copy countries FROM 'db/seed/countries.csv' WITH (FORMAT csv, HEADER true)
