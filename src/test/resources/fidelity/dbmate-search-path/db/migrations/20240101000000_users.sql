-- migrate:up
-- dbmate created the schema app for its table, so app is the first schema on the search path.
CREATE TABLE users (id int PRIMARY KEY);

-- migrate:down
DROP TABLE users;
