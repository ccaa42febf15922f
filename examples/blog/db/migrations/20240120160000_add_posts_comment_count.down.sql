-- The count is derived from comments; dropping it loses nothing.
DROP TRIGGER comments_adjust_post_comment_count ON comments;
DROP FUNCTION posts_adjust_comment_count();
ALTER TABLE posts DROP COLUMN comment_count;
