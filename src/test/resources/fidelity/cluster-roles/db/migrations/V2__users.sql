CREATE TABLE users (id int PRIMARY KEY, name text);
GRANT SELECT ON users TO app_reader;
