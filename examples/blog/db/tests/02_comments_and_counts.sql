/*
 * Comments: their foreign keys and ON DELETE actions, and posts.comment_count,
 * which 20240120160000 backfilled, made NOT NULL and keeps up to date with a
 * trigger.
 */

INSERT INTO authors (username, email, display_name)
VALUES ('ada_l', 'ada@engines.example', 'Ada L.'),
       ('charles_b', 'charles@engines.example', 'Charles B.'),
       ('kim_reader', 'kim@readers.example', 'Kim');

INSERT INTO posts (author_id, slug, title, status, body_markdown)
SELECT id, v.slug, v.title, 'published', v.body
FROM authors
CROSS JOIN (VALUES ('notes-on-the-analytical-engine', 'Notes on the Analytical Engine',
                    'The engine weaves algebraic patterns.'),
                   ('bernoulli-numbers-step-by-step', 'Bernoulli numbers, step by step',
                    'Table of operations, annotated.')) AS v (slug, title, body)
WHERE username = 'ada_l';

-- A new post has no comments; the column's default is 0.
-- migtest:expect-rows 2
SELECT id
FROM posts
WHERE slug IN ('notes-on-the-analytical-engine', 'bernoulli-numbers-step-by-step')
  AND comment_count = 0;

INSERT INTO comments (post_id, author_id, body, is_approved)
SELECT p.id, a.id, v.body, true
FROM posts AS p
CROSS JOIN (VALUES ('charles_b', 'Could it compose music, in principle?'),
                   ('kim_reader', 'Great write-up, thanks!')) AS v (username, body)
JOIN authors AS a ON a.username = v.username
WHERE p.slug = 'notes-on-the-analytical-engine';

-- A reply to Charles, by the post's author.
INSERT INTO comments (post_id, author_id, parent_id, body)
SELECT c.post_id, a.id, c.id, 'Yes, if pitch and harmony are expressed as numbers.'
FROM comments AS c
JOIN authors AS a ON a.username = 'ada_l'
WHERE c.body = 'Could it compose music, in principle?';

-- migtest:expect-rows 1
SELECT id FROM posts WHERE slug = 'notes-on-the-analytical-engine' AND comment_count = 3;

-- migtest:expect-rows 1
SELECT id FROM posts WHERE slug = 'bernoulli-numbers-step-by-step' AND comment_count = 0;

-- migtest:expect-error 23514
INSERT INTO comments (post_id, author_id, body)
SELECT id, NULL, ''
FROM posts
WHERE slug = 'notes-on-the-analytical-engine';

-- migtest:expect-error 23502
INSERT INTO comments (post_id, author_id)
SELECT p.id, a.id
FROM posts AS p
JOIN authors AS a ON a.username = 'kim_reader'
WHERE p.slug = 'notes-on-the-analytical-engine';

-- migtest:expect-error 23503
INSERT INTO comments (post_id, body) VALUES (-1, 'Commenting on a post that is not there.');

-- migtest:expect-error 23503
INSERT INTO comments (post_id, parent_id, body)
SELECT id, -1, 'Replying to a comment that is not there.'
FROM posts
WHERE slug = 'notes-on-the-analytical-engine';

-- The stored count cannot be blanked or go below zero.
-- migtest:expect-error 23502
UPDATE posts SET comment_count = NULL WHERE slug = 'notes-on-the-analytical-engine';

-- migtest:expect-error 23514
UPDATE posts SET comment_count = -1 WHERE slug = 'bernoulli-numbers-step-by-step';

-- Moving Kim's comment to the other post moves it in the counts too.
UPDATE comments AS c
SET post_id = (SELECT id FROM posts WHERE slug = 'bernoulli-numbers-step-by-step')
WHERE c.body = 'Great write-up, thanks!';

-- migtest:expect-rows 2
SELECT id
FROM posts
WHERE (slug = 'notes-on-the-analytical-engine' AND comment_count = 2)
   OR (slug = 'bernoulli-numbers-step-by-step' AND comment_count = 1);

-- Kim closes the account: the comment stays, without an author (SET NULL).
DELETE FROM authors WHERE username = 'kim_reader';

-- migtest:expect-rows 1
SELECT id FROM comments WHERE body = 'Great write-up, thanks!' AND author_id IS NULL;

-- Deleting Charles's comment takes Ada's reply with it (CASCADE), and both
-- leave the count.
DELETE FROM comments WHERE body = 'Could it compose music, in principle?';

-- migtest:expect-rows 0
SELECT id FROM comments WHERE body LIKE 'Yes, if pitch%';

-- migtest:expect-rows 1
SELECT id FROM posts WHERE slug = 'notes-on-the-analytical-engine' AND comment_count = 0;

-- Deleting a post deletes its comments; the count trigger must not trip over
-- the post being gone already.
DELETE FROM posts WHERE slug = 'bernoulli-numbers-step-by-step';

-- migtest:expect-rows 0
SELECT id FROM comments WHERE body = 'Great write-up, thanks!';

-- The backfilled column ended up NOT NULL with default 0.
-- migtest:expect-rows 1
SELECT column_name
FROM information_schema.columns
WHERE table_schema = current_schema()
  AND table_name = 'posts'
  AND column_name = 'comment_count'
  AND is_nullable = 'NO'
  AND column_default = '0';
