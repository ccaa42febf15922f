CREATE TYPE post_status AS ENUM ('draft', 'published', 'archived');

/*
 * Posts belong to their author: closing an account removes its posts
 * (ON DELETE CASCADE).
 *
 * published_at is set exactly when a post has left the draft state; an
 * archived post keeps the date it was first published.
 */
CREATE TABLE posts (
    id           bigserial PRIMARY KEY,
    author_id    bigint      NOT NULL REFERENCES authors (id) ON DELETE CASCADE,
    slug         text        NOT NULL,
    title        text        NOT NULL,
    body         text        NOT NULL DEFAULT '',
    status       post_status NOT NULL DEFAULT 'draft',
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz,
    CONSTRAINT posts_slug_key UNIQUE (slug),
    CONSTRAINT posts_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    CONSTRAINT posts_title_not_blank CHECK (btrim(title) <> ''),
    CONSTRAINT posts_published_at_matches_status
        CHECK ((status = 'draft') = (published_at IS NULL))
);

CREATE INDEX posts_author_id_idx ON posts (author_id);
