SELECT id, name FROM users WHERE false;
