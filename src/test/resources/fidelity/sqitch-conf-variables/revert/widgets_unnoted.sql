-- Revert widgets:widgets_unnoted
ALTER TABLE :"schema".widgets ADD COLUMN note text;
