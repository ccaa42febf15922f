-- Listing pages show "12 comments" under every post; counting comments per
-- post on each page view got expensive, so the count is now stored.

-- No comment may be written or removed between the backfill below and the
-- trigger taking over; the lock lasts until this migration commits.
LOCK TABLE comments IN SHARE MODE;

ALTER TABLE posts ADD COLUMN comment_count integer;

UPDATE posts AS p
SET comment_count = (SELECT count(*) FROM comments AS c WHERE c.post_id = p.id);

ALTER TABLE posts
    ALTER COLUMN comment_count SET DEFAULT 0,
    ALTER COLUMN comment_count SET NOT NULL,
    ADD CONSTRAINT posts_comment_count_nonnegative CHECK (comment_count >= 0);

CREATE FUNCTION posts_adjust_comment_count() RETURNS trigger
LANGUAGE plpgsql
AS $trg$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE posts SET comment_count = comment_count - 1 WHERE id = OLD.post_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE posts SET comment_count = comment_count + 1 WHERE id = NEW.post_id;
    END IF;
    RETURN NULL; /* AFTER trigger: result ignored */
END;
$trg$;

-- UPDATE OF post_id: only moving a comment to another post changes counts.
CREATE TRIGGER comments_adjust_post_comment_count
    AFTER INSERT OR DELETE OR UPDATE OF post_id ON comments
    FOR EACH ROW
    EXECUTE FUNCTION posts_adjust_comment_count();
