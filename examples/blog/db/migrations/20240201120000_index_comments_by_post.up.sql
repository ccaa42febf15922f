-- Comment threads are read per post in date order.
--
-- golang-migrate sends this file as one query string; with more than one
-- statement PostgreSQL would wrap them in a transaction, where CONCURRENTLY
-- is refused. Keep this the only statement in the file.
CREATE INDEX CONCURRENTLY comments_post_id_created_at_idx
    ON comments (post_id, created_at);
