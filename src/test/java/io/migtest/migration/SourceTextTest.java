package io.migtest.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.sql.SqlScript;
import io.migtest.sql.TransactionMode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceTextTest {

  @Test
  void refusesBinaryFilesWithTheLineOfTheFirstNulByte() {
    byte[] bytes = "SELECT 1;\nSELECT 2;\n\0\0".getBytes(StandardCharsets.UTF_8);
    SourceText.Problem problem = (SourceText.Problem) SourceText.decode("a.sql", bytes);
    assertThat(problem.finding().rule()).isEqualTo("binary-file");
    assertThat(problem.finding().line()).isEqualTo(3);
  }

  @Test
  void refusesInvalidUtf8AndSaysHowToConvert() {
    byte[] bytes = {'S', 'E', 'L', '\n', (byte) 0xE9, 't', 'e'};
    SourceText.Problem problem = (SourceText.Problem) SourceText.decode("a.sql", bytes);
    assertThat(problem.finding().rule()).isEqualTo("invalid-encoding");
    assertThat(problem.finding().line()).isEqualTo(2);
    assertThat(problem.finding().message()).contains("byte offset 4").contains("iconv");
  }

  @Test
  void dropsAByteOrderMark() {
    byte[] bytes = "\uFEFFSELECT 1;".getBytes(StandardCharsets.UTF_8);
    assertThat(((SourceText.Text) SourceText.decode("a.sql", bytes)).text()).isEqualTo("SELECT 1;");
  }

  @Test
  void lineEndingsDoNotChangeAMigrationsChecksum() {
    String lf = "CREATE TABLE a (id int);\nSELECT 1;\n";
    SqlScript unix = SqlScript.of("a.sql", lf, TransactionMode.SINGLE_TRANSACTION);
    SqlScript windows =
        SqlScript.of("a.sql", lf.replace("\n", "\r\n"), TransactionMode.SINGLE_TRANSACTION);
    assertThat(windows.checksum()).isEqualTo(unix.checksum());
    assertThat(
            SqlScript.of("a.sql", lf + "SELECT 2;", TransactionMode.SINGLE_TRANSACTION).checksum())
        .isNotEqualTo(unix.checksum());
  }

  @Test
  void aLinkOutOfTheProjectIsNotFollowed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    java.nio.file.Path project = java.nio.file.Files.createDirectories(dir.resolve("project/db"));
    java.nio.file.Path secret =
        java.nio.file.Files.writeString(dir.resolve("secret.txt"), "token=abc");
    java.nio.file.Files.createSymbolicLink(project.resolve("V1__x.sql"), secret);
    SourceFolder folder = new WorkingTreeFolder(dir.resolve("project"), project);
    SourceText.Problem problem = (SourceText.Problem) SourceText.read(folder, "V1__x.sql");
    assertThat(problem.finding().message())
        .contains("outside the project")
        .doesNotContain("token=abc")
        .as("where the link leads is the host's business")
        .doesNotContain("secret.txt");
  }
}
