-- Deploy widgets:widgets_unnoted
ALTER TABLE :"schema".widgets DROP COLUMN note;
