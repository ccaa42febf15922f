CREATE TABLE orders (
  id int PRIMARY KEY,
  account_id int NOT NULL REFERENCES accounts (id),
  amount numeric NOT NULL
);
