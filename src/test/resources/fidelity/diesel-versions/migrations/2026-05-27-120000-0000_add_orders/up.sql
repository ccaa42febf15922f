CREATE TABLE orders (id int, user_id int REFERENCES users);
