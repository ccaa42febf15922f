/*
 * Comments, threaded through parent_id.
 *
 *  - deleting a post deletes its comments;
 *  - deleting a comment deletes the replies under it;
 *  - deleting an account keeps what it said, shown as "[deleted]"
 *    (author_id becomes NULL).
 */
CREATE TABLE comments (
    id          bigserial PRIMARY KEY,
    post_id     bigint      NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    author_id   bigint      REFERENCES authors (id) ON DELETE SET NULL,
    parent_id   bigint      REFERENCES comments (id) ON DELETE CASCADE,
    body        text        NOT NULL,
    is_approved boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT comments_body_length CHECK (char_length(body) BETWEEN 1 AND 5000),
    CONSTRAINT comments_not_own_parent CHECK (parent_id <> id)
);

CREATE INDEX comments_author_id_idx ON comments (author_id);
CREATE INDEX comments_parent_id_idx ON comments (parent_id);
