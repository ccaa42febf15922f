ALTER TABLE posts RENAME COLUMN body_markdown TO body;
