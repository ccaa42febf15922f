package io.migtest.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClusterWideStatementsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "CREATE ROLE reader NOLOGIN;",
        "create user app with password 'x';",
        "ALTER ROLE app SET search_path = app;",
        "DROP GROUP IF EXISTS old;",
        "CREATE TABLESPACE fast LOCATION '/ssd';",
        "ALTER SYSTEM SET work_mem = '64MB';",
        "GRANT reader TO app;",
        "GRANT \"Readers\", writers TO app WITH ADMIN OPTION;",
        "REVOKE ADMIN OPTION FOR reader FROM app;",
        "DO $$ BEGIN EXECUTE 'CREATE ROLE ' || quote_ident('r'); END $$;",
        "COMMENT ON ROLE app IS 'the app';"
      })
  void statementsOnTheServersRolesTablespacesOrSettingsAreFound(String sql) {
    assertThat(ClusterWideStatements.in("CREATE TABLE t (id int);\n" + sql)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GRANT SELECT ON users TO reader;",
        "GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA app TO writer;",
        "GRANT ALL PRIVILEGES ON TABLE t TO app;",
        "REVOKE USAGE ON SCHEMA app FROM PUBLIC;",
        "ALTER TABLE users OWNER TO app;",
        "CREATE TABLE user_roles (user_id int, role text);",
        "ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO reader;",
        "ALTER TABLE collections ALTER user_id DROP DEFAULT;",
        "ALTER TABLE members ALTER group_name SET NOT NULL, ALTER database_url TYPE text;",
        "CREATE TABLE audit (system_id int); ALTER TABLE audit ALTER systemwide SET DEFAULT 1;"
      })
  void statementsInsideOneDatabaseAreNot(String sql) {
    assertThat(ClusterWideStatements.in(sql)).isFalse();
  }
}
