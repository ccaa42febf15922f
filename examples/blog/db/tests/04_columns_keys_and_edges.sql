/*
 * What the migrations must leave in the catalog, checked as pgTAP's
 * col_not_null, col_type_is, col_has_default, has_pk, fk_ok and has_index
 * would, and a few edges of the CHECKs: the tests that kill the mutation
 * gate's schema mutants (a NOT NULL dropped, a bigint made integer, a foreign
 * key's ON DELETE changed, an index forgotten).
 */

-- Every column that must be NOT NULL is.
-- migtest:expect-rows 24
SELECT table_name, column_name
FROM information_schema.columns
WHERE table_schema = 'public'
  AND table_name IN ('authors', 'posts', 'tags', 'post_tags', 'comments')
  AND is_nullable = 'NO';

-- Keys are 64-bit (tags are few: integer), text has no length limit but the username's,
-- times carry their zone.
-- migtest:expect-rows 22
SELECT c.table_name, c.column_name
FROM information_schema.columns AS c
JOIN (VALUES ('authors', 'id', 'bigint', 0),
             ('authors', 'username', 'character varying', 30),
             ('authors', 'email', 'text', 0),
             ('authors', 'display_name', 'text', 0),
             ('authors', 'bio', 'text', 0),
             ('authors', 'joined_at', 'timestamp with time zone', 0),
             ('posts', 'author_id', 'bigint', 0),
             ('posts', 'slug', 'text', 0),
             ('posts', 'title', 'text', 0),
             ('posts', 'body_markdown', 'text', 0),
             ('posts', 'created_at', 'timestamp with time zone', 0),
             ('posts', 'published_at', 'timestamp with time zone', 0),
             ('posts', 'comment_count', 'integer', 0),
             ('tags', 'name', 'text', 0),
             ('post_tags', 'post_id', 'bigint', 0),
             ('post_tags', 'tag_id', 'integer', 0),
             ('post_tags', 'tagged_at', 'timestamp with time zone', 0),
             ('comments', 'post_id', 'bigint', 0),
             ('comments', 'author_id', 'bigint', 0),
             ('comments', 'parent_id', 'bigint', 0),
             ('comments', 'body', 'text', 0),
             ('comments', 'created_at', 'timestamp with time zone', 0))
     AS e (table_name, column_name, data_type, max_length)
  ON e.table_name = c.table_name
 AND e.column_name = c.column_name
 AND e.data_type = c.data_type
 AND e.max_length = coalesce(c.character_maximum_length, 0)
WHERE c.table_schema = 'public';

-- Defaults: the serial keys, the admin flag, the creation times, the empty body, the draft
-- status, the comment count and the approval flag.
-- migtest:expect-rows 13
SELECT table_name, column_name
FROM information_schema.columns
WHERE table_schema = 'public'
  AND table_name IN ('authors', 'posts', 'tags', 'post_tags', 'comments')
  AND column_default IS NOT NULL;

-- A primary key on each table, and the four unique keys.
-- migtest:expect-rows 9
SELECT conname
FROM pg_constraint
WHERE conrelid::regclass::text IN ('authors', 'posts', 'tags', 'post_tags', 'comments')
  AND contype IN ('p', 'u');

-- A tag is on a post once: the key of post_tags has both columns.
-- migtest:expect-rows 1
SELECT conname
FROM pg_constraint
WHERE conrelid = 'post_tags'::regclass
  AND contype = 'p'
  AND cardinality(conkey) = 2;

-- Each foreign key, with what deleting the parent does: everything goes with its post, account
-- or parent comment, except that a deleted account's comments stay, anonymous.
-- migtest:expect-rows 6
SELECT c.conname
FROM pg_constraint AS c
JOIN (VALUES ('posts', 'author_id', 'c'),
             ('post_tags', 'post_id', 'c'),
             ('post_tags', 'tag_id', 'c'),
             ('comments', 'post_id', 'c'),
             ('comments', 'author_id', 'n'),
             ('comments', 'parent_id', 'c'))
     AS e (table_name, column_name, on_delete)
  ON c.conrelid = e.table_name::regclass
 AND c.confdeltype = e.on_delete::"char"
 AND c.conkey = ARRAY[(SELECT attnum
                       FROM pg_attribute
                       WHERE attrelid = e.table_name::regclass
                         AND attname = e.column_name)]
WHERE c.contype = 'f';

-- The indexes behind the foreign keys and the comment pages.
-- migtest:expect-rows 5
SELECT indexname
FROM pg_indexes
WHERE schemaname = 'public'
  AND indexname IN ('posts_author_id_idx',
                    'post_tags_tag_id_idx',
                    'comments_author_id_idx',
                    'comments_parent_id_idx',
                    'comments_post_id_created_at_idx');

-- A comment cannot answer itself.
INSERT INTO authors (username, email, display_name)
VALUES ('edge_case', 'edge@example.com', 'Edge');

INSERT INTO posts (author_id, slug, title)
SELECT id, 'edge-post', 'Edge post' FROM authors WHERE username = 'edge_case';

INSERT INTO comments (post_id, body)
SELECT id, 'First!' FROM posts WHERE slug = 'edge-post';

-- migtest:expect-error 23514
UPDATE comments SET parent_id = id WHERE body = 'First!';
