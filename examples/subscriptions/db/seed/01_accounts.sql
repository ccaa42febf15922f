INSERT INTO accounts (id, full_name, email, confirmed) VALUES
    (1, 'Ada Lovelace', 'ada@example.com', true),
    (2, 'Grace Hopper', 'grace@example.com', true),
    (3, 'Alan Turing', 'alan@example.com', false);
