-- Publishing a post stamps published_at, so the editor no longer has to send
-- it (and the CHECK on posts no longer trips when it forgets).
CREATE FUNCTION posts_stamp_published_at() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF NEW.status = 'published' AND NEW.published_at IS NULL THEN
        NEW.published_at := now();
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER posts_stamp_published_at
    BEFORE INSERT OR UPDATE OF status ON posts
    FOR EACH ROW
    EXECUTE FUNCTION posts_stamp_published_at();
