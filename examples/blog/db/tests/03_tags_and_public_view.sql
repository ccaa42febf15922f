/*
 * Tags and the published_posts view the public site reads.
 */

INSERT INTO authors (username, email, display_name)
VALUES ('margaret_h', 'margaret@apollo.example', 'Margaret H.');

INSERT INTO posts (author_id, slug, title, status, body_markdown)
SELECT a.id, v.slug, v.title, v.status::post_status, v.body
FROM authors AS a
CROSS JOIN (VALUES ('priority-displays', 'Priority displays saved the landing', 'published',
                    'The 1202 alarm, explained.'),
                   ('software-engineering-a-name', 'Giving software engineering a name', 'published',
                    'Why the word mattered.'),
                   ('restart-protection-draft', 'Restart protection (draft)', 'draft',
                    'TODO: diagrams.')) AS v (slug, title, status, body)
WHERE a.username = 'margaret_h';

INSERT INTO tags (name) VALUES ('apollo'), ('history'), ('reliability');

INSERT INTO post_tags (post_id, tag_id)
SELECT p.id, t.id
FROM posts AS p
JOIN tags AS t ON t.name IN ('apollo', 'reliability')
WHERE p.slug = 'priority-displays';

INSERT INTO post_tags (post_id, tag_id)
SELECT p.id, t.id
FROM posts AS p
JOIN tags AS t ON t.name = 'history'
WHERE p.slug = 'software-engineering-a-name';

-- migtest:expect-error 23505
INSERT INTO tags (name) VALUES ('apollo');

-- Tags are lower case, so "Apollo" would be a second spelling of "apollo".
-- migtest:expect-error 23514
INSERT INTO tags (name) VALUES ('Apollo');

-- migtest:expect-error 23514
INSERT INTO tags (name) VALUES ('');

-- A post carries a tag once (the composite primary key).
-- migtest:expect-error 23505
INSERT INTO post_tags (post_id, tag_id)
SELECT p.id, t.id
FROM posts AS p
JOIN tags AS t ON t.name = 'apollo'
WHERE p.slug = 'priority-displays';

-- migtest:expect-error 23503
INSERT INTO post_tags (post_id, tag_id)
SELECT id, -1 FROM posts WHERE slug = 'priority-displays';

-- migtest:expect-rows 2
SELECT t.name
FROM post_tags AS pt
JOIN tags AS t ON t.id = pt.tag_id
JOIN posts AS p ON p.id = pt.post_id
WHERE p.slug = 'priority-displays';

-- Dropping a tag untags its posts (CASCADE) but leaves the posts alone.
DELETE FROM tags WHERE name = 'reliability';

-- migtest:expect-rows 1
SELECT pt.tag_id
FROM post_tags AS pt
JOIN posts AS p ON p.id = pt.post_id
WHERE p.slug = 'priority-displays';

-- The public view shows the two published posts, not the draft.
-- migtest:expect-rows 2
SELECT slug FROM published_posts WHERE author_username = 'margaret_h';

-- migtest:expect-rows 0
SELECT slug FROM published_posts WHERE slug = 'restart-protection-draft';

-- It carries the stored comment count and the author's display name.
INSERT INTO comments (post_id, body)
SELECT id, 'I was in mission control that day.'
FROM posts
WHERE slug = 'priority-displays';

-- migtest:expect-rows 1
SELECT slug
FROM published_posts
WHERE slug = 'priority-displays'
  AND comment_count = 1
  AND author_name = 'Margaret H.'
  AND body_markdown = 'The 1202 alarm, explained.';

-- Archiving takes a post off the public site.
UPDATE posts SET status = 'archived' WHERE slug = 'software-engineering-a-name';

-- migtest:expect-rows 1
SELECT slug FROM published_posts WHERE author_username = 'margaret_h';
