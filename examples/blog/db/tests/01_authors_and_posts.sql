/*
 * Authors and posts: unique and format checks, the post_status enum, the
 * published_at rule and the trigger that stamps it, and the body rename.
 */

INSERT INTO authors (username, email, display_name, bio)
VALUES ('grace_h', 'grace@compilers.example', 'Grace H.', 'Writes about compilers and COBOL.'),
       ('tomasz', 'tomasz@wislaw.example', 'Tomasz Nowak', NULL);

-- migtest:expect-error 23505
INSERT INTO authors (username, email, display_name)
VALUES ('grace_h', 'another.grace@compilers.example', 'Another Grace');

-- migtest:expect-error 23505
INSERT INTO authors (username, email, display_name)
VALUES ('grace_hopper', 'grace@compilers.example', 'Grace Hopper');

-- Usernames go into URLs: lower case letters, digits and underscores only.
-- migtest:expect-error 23514
INSERT INTO authors (username, email, display_name)
VALUES ('Grace Hopper', 'gh@compilers.example', 'Grace Hopper');

-- migtest:expect-error 23502
INSERT INTO authors (username, email)
VALUES ('anon_writer', 'anon@example.com');

-- New authors are not admins.
-- migtest:expect-rows 2
SELECT username
FROM authors
WHERE username IN ('grace_h', 'tomasz')
  AND NOT is_admin
  AND joined_at IS NOT NULL;

-- A post starts out as an unpublished draft.
INSERT INTO posts (author_id, slug, title, body_markdown)
SELECT id, 'why-cobol-still-runs-banks', 'Why COBOL still runs the banks',
       'Most of it is *batch jobs*. Here is why they never got rewritten.'
FROM authors
WHERE username = 'grace_h';

-- migtest:expect-rows 1
SELECT id
FROM posts
WHERE slug = 'why-cobol-still-runs-banks'
  AND status = 'draft'
  AND published_at IS NULL;

-- Publishing it stamps published_at (trigger from 20240115083000).
UPDATE posts SET status = 'published' WHERE slug = 'why-cobol-still-runs-banks';

-- migtest:expect-rows 1
SELECT id
FROM posts
WHERE slug = 'why-cobol-still-runs-banks'
  AND status = 'published'
  AND published_at = now();

-- Inserting straight as published is stamped as well ...
INSERT INTO posts (author_id, slug, title, status)
SELECT id, 'pierogi-for-programmers', 'Pierogi for programmers', 'published'
FROM authors
WHERE username = 'tomasz';

-- migtest:expect-rows 1
SELECT id FROM posts WHERE slug = 'pierogi-for-programmers' AND published_at IS NOT NULL;

-- ... and a date that is already there (an imported post) is kept.
INSERT INTO posts (author_id, slug, title, status, published_at)
SELECT id, 'imported-from-old-blog', 'Imported from the old blog', 'published', '2019-06-01 12:00+00'
FROM authors
WHERE username = 'tomasz';

-- migtest:expect-rows 1
SELECT id FROM posts WHERE slug = 'imported-from-old-blog' AND published_at = '2019-06-01 12:00+00';

-- A draft cannot carry a publication date ...
-- migtest:expect-error 23514
INSERT INTO posts (author_id, slug, title, published_at)
SELECT id, 'half-written-draft', 'Half written', now()
FROM authors
WHERE username = 'tomasz';

-- ... and a post that was never published cannot be archived.
-- migtest:expect-error 23514
INSERT INTO posts (author_id, slug, title, status)
SELECT id, 'never-published', 'Never published', 'archived'
FROM authors
WHERE username = 'tomasz';

-- Archiving a published post keeps its date.
UPDATE posts SET status = 'archived' WHERE slug = 'imported-from-old-blog';

-- migtest:expect-rows 1
SELECT id FROM posts WHERE slug = 'imported-from-old-blog' AND status = 'archived' AND published_at IS NOT NULL;

-- migtest:expect-error 22P02
UPDATE posts SET status = 'scheduled' WHERE slug = 'pierogi-for-programmers';

-- migtest:expect-error 23505
INSERT INTO posts (author_id, slug, title)
SELECT id, 'pierogi-for-programmers', 'Pierogi, again'
FROM authors
WHERE username = 'grace_h';

-- migtest:expect-error 23514
INSERT INTO posts (author_id, slug, title)
SELECT id, 'Pierogi For Programmers', 'Pierogi, capitalised'
FROM authors
WHERE username = 'grace_h';

-- migtest:expect-error 23514
INSERT INTO posts (author_id, slug, title)
SELECT id, 'blank-title', '   '
FROM authors
WHERE username = 'grace_h';

-- migtest:expect-error 23503
INSERT INTO posts (author_id, slug, title)
VALUES (-1, 'ghost-post', 'Written by nobody');

-- The body column is body_markdown now; the old name is gone.
-- migtest:expect-rows 1
SELECT id FROM posts WHERE slug = 'why-cobol-still-runs-banks' AND body_markdown LIKE '%batch jobs%';

-- migtest:expect-error 42703
SELECT body FROM posts;

-- Closing an account removes the author's posts (ON DELETE CASCADE).
DELETE FROM authors WHERE username = 'tomasz';

-- migtest:expect-rows 0
SELECT id FROM posts WHERE slug IN ('pierogi-for-programmers', 'imported-from-old-blog');
