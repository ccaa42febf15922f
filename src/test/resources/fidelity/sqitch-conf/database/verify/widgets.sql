-- Verify widgets

SELECT id FROM widgets WHERE false;
