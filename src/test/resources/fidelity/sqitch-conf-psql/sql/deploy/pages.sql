-- Sqitch runs psql beside sqitch.conf, so the path is relative to the project root.
\set content `cat templates/page.txt`
CREATE TABLE pages (content text NOT NULL CHECK (content <> ''));
INSERT INTO pages VALUES (:'content');
