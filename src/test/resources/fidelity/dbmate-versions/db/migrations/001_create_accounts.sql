-- migrate:up
CREATE TABLE accounts (id int PRIMARY KEY);

-- migrate:down
DROP TABLE accounts;
