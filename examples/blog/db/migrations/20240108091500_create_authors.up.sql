-- People who write posts or comments. Usernames appear in URLs
-- (/@username), hence the restricted alphabet.
CREATE TABLE authors (
    id           bigserial PRIMARY KEY,
    username     varchar(30) NOT NULL,
    email        text        NOT NULL,
    display_name text        NOT NULL,
    bio          text,
    is_admin     boolean     NOT NULL DEFAULT false,
    joined_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT authors_username_key UNIQUE (username),
    CONSTRAINT authors_email_key UNIQUE (email),
    CONSTRAINT authors_username_format CHECK (username ~ '^[a-z0-9_]{3,30}$')
);
