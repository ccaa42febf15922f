package io.migtest.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migtest.ExitCode;
import io.migtest.MigtestException;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/** An existing server reached by URL: only migtest's own scratch databases are touched. */
class UrlProviderTest {

  private static String url(String user, String password) {
    ServerEndpoint e = SharedServer.get().endpoint();
    return "postgresql://"
        + user
        + ":"
        + password
        + "@"
        + e.host()
        + ":"
        + e.port()
        + "/postgres?sslmode=disable";
  }

  @Test
  void parsesUrlsWithCredentialsAndParameters() {
    ServerEndpoint e =
        DatabaseUrl.parse("postgres://app:p%40ss@db.internal:6543/shop?sslmode=require");
    assertThat(e.user()).isEqualTo("app");
    assertThat(e.password()).isEqualTo("p@ss");
    assertThat(e.host()).isEqualTo("db.internal");
    assertThat(e.port()).isEqualTo(6543);
    assertThat(e.adminDatabase()).isEqualTo("shop");
    assertThat(e.parameters()).containsEntry("sslmode", "require");
    assertThat(e.describe("shop")).doesNotContain("p@ss");
    assertThat(e.toString()).doesNotContain("p@ss");
    assertThat(DatabaseUrl.parse("postgres://u:a+b%2Bc@h/d").password()).isEqualTo("a+b+c");
    ServerEndpoint jdbc = DatabaseUrl.parse("jdbc:postgresql://localhost/app?user=u&password=pw");
    assertThat(jdbc.user()).isEqualTo("u");
    assertThat(jdbc.port()).isEqualTo(5432);
    assertThatThrownBy(() -> DatabaseUrl.parse("mysql://secret@h/db"))
        .isInstanceOfSatisfying(
            MigtestException.class, ex -> assertThat(ex.exitCode()).isEqualTo(ExitCode.USAGE))
        .hasMessageNotContaining("secret");
  }

  @Test
  void createsAndDropsOnlyItsOwnDatabases() throws Exception {
    ServerEndpoint admin = SharedServer.get().endpoint();
    try (DatabaseServer server = new UrlProvider(url(admin.user(), admin.password())).start()) {
      String name;
      try (ScratchDatabase db = server.createScratch("url")) {
        name = db.name();
        assertThat(name).startsWith("migtest_url_");
      }
      try (Connection c = admin.connect("postgres");
          ResultSet rs =
              c.createStatement()
                  .executeQuery(
                      "SELECT count(*) FROM pg_database WHERE datname = '" + name + "'")) {
        rs.next();
        assertThat(rs.getInt(1)).isZero();
      }
    }
  }

  @Test
  void aRoleWithoutCreatedbIsToldHowToGrantIt() throws Exception {
    ServerEndpoint admin = SharedServer.get().endpoint();
    try (Connection c = admin.connect("postgres")) {
      c.createStatement().execute("DROP ROLE IF EXISTS reader");
      c.createStatement().execute("CREATE ROLE reader LOGIN PASSWORD 'reader-pw'");
    }
    assertThatThrownBy(() -> new UrlProvider(url("reader", "reader-pw")).start())
        .isInstanceOfSatisfying(
            MigtestException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.ENVIRONMENT))
        .hasMessageContaining("ALTER ROLE reader CREATEDB")
        .hasMessageNotContaining("reader-pw");
  }
}
