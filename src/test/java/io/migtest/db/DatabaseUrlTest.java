package io.migtest.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migtest.ExitCode;
import io.migtest.MigtestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A database URL that cannot be used is explained by its real problem, never echoed. */
class DatabaseUrlTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "postgres://h:notaport/db | the port is not a number",
        "postgres://app:s3cret@h:notaport/db | the port is not a number",
        "postgres://app:s3cret@h:0/db | the port must be between 1 and 65535",
        "postgres://app:s3cret@h:65536/db | the port must be between 1 and 65535",
        "postgres://app:s3cret@h:99999999999/db | the port must be between 1 and 65535",
        "postgres://app:s3cret@/db | it names no host",
        "postgres:///db | it names no host",
        "postgres://app:s3@cret@h:5432/db | an '@' in the user name or password must be written %40",
        "postgres://app:s3cret@db_1:5432/db | the host name is not valid",
      })
  void namesTheRealProblemWithoutTheUrl(String url, String problem) {
    assertThatThrownBy(() -> DatabaseUrl.parse(url))
        .isInstanceOfSatisfying(
            MigtestException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
        .hasMessageContaining(problem)
        .hasMessageNotContaining("s3")
        .hasMessageNotContaining("cret");
  }

  @Test
  void acceptsTheWholePortRange() {
    assertThat(DatabaseUrl.parse("postgres://h:1/db").port()).isEqualTo(1);
    assertThat(DatabaseUrl.parse("postgres://h:65535/db").port()).isEqualTo(65535);
    assertThat(DatabaseUrl.parse("postgres://h:/db").port()).isEqualTo(5432);
  }

  @Test
  void onlyConnectionParametersThatLoadNothingArePassedOn() {
    assertThat(DatabaseUrl.parse("postgres://u@h/db?sslmode=require").parameters())
        .containsEntry("sslmode", "require");
    assertThatThrownBy(() -> DatabaseUrl.parse("postgres://u@h/db?socketFactory=x.Evil&sslmode=1"))
        .hasMessageContaining("'socketFactory' is not supported")
        .hasMessageContaining("sslmode");
  }
}
