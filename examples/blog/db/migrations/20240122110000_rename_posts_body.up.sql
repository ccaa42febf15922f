-- Bodies are Markdown; the rendered HTML is cached elsewhere. Say so in the
-- column name before someone stores HTML in it.
ALTER TABLE posts RENAME COLUMN body TO body_markdown;
