package io.migtest.migration;

import static org.assertj.core.api.Assertions.assertThat;

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
}
