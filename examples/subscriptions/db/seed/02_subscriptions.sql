INSERT INTO subscriptions (account_id, plan, started_on) VALUES
    (1, 'pro', '2024-01-02'),
    (2, 'team', '2024-02-01'),
    (3, 'free', '2024-02-15');
