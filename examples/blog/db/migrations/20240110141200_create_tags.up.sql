-- Free-form tags, always lower case so "Postgres" and "postgres" are one tag.
CREATE TABLE tags (
    id   serial PRIMARY KEY,
    name text NOT NULL,
    CONSTRAINT tags_name_key UNIQUE (name),
    CONSTRAINT tags_name_format CHECK (name = lower(name) AND char_length(name) BETWEEN 1 AND 40)
);

-- Removing either side of a tagging removes the tagging.
CREATE TABLE post_tags (
    post_id   bigint      NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    tag_id    integer     NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    tagged_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (post_id, tag_id)
);

-- The primary key serves "tags of a post"; this serves "posts with a tag".
CREATE INDEX post_tags_tag_id_idx ON post_tags (tag_id);
