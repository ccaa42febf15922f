-- Unqualified: Flyway puts the default schema first on the search path.
CREATE TABLE accounts (
  id int PRIMARY KEY,
  home_schema text NOT NULL DEFAULT '${flyway:defaultSchema}'
);
INSERT INTO accounts (id) VALUES (1);
