-- Same rule as the up file: one statement only.
DROP INDEX CONCURRENTLY comments_post_id_created_at_idx;
