DROP TRIGGER posts_stamp_published_at ON posts;
DROP FUNCTION posts_stamp_published_at();
