CREATE TABLE ignored (id int);
