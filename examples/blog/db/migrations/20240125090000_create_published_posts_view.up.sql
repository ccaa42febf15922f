-- What the public site and the RSS feed read: published posts only, with
-- the author's public name.
CREATE VIEW published_posts AS
SELECT p.id,
       p.slug,
       p.title,
       p.body_markdown,
       p.published_at,
       p.comment_count,
       a.username     AS author_username,
       a.display_name AS author_name
FROM posts AS p
JOIN authors AS a ON a.id = p.author_id
WHERE p.status = 'published';
