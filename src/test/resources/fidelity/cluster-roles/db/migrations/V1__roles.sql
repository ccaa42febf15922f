-- Roles belong to the server: this fails if any earlier scratch database left the role behind.
CREATE ROLE app_reader NOLOGIN;
