package io.migtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link SecretRedactor}: what it hides, and the ordinary text it must leave alone. */
class RedactionTest {
  private static String redact(String text) {
    return SecretRedactor.PATTERNS_ONLY.redact(text);
  }

  @Test
  void hidesThePasswordOfAUrl() {
    assertThat(redact("postgres://app:s3cret@db:5432/app"))
        .isEqualTo("postgres://app:***@db:5432/app");
    assertThat(redact("'--databse-url', 'postgresql://app:s3cret@db/app'"))
        .isEqualTo("'--databse-url', 'postgresql://app:***@db/app'");
    assertThat(redact("jdbc:postgresql://db/app?user=app&password=s3cret&ssl=true"))
        .isEqualTo("jdbc:postgresql://db/app?user=app&password=***&ssl=true");
    assertThat(redact("postgres://app:p@ss@db/app"))
        .as("an unencoded @ in the password")
        .isEqualTo("postgres://app:***@db/app");
    assertThat(redact("Project folder /w/postgres:/app:s3cret@db/app does not exist"))
        .as("a URL normalised as a path")
        .isEqualTo("Project folder /w/postgres:/app:***@db/app does not exist");
    assertThat(redact("postgres://db:5432/app and postgres://app@db/app"))
        .isEqualTo("postgres://db:5432/app and postgres://app@db/app");
  }

  @Test
  void hidesTheValueOfAnOptionOrAssignmentNamedForASecret() {
    assertThat(redact("Unknown option: '--github-token=ghp_x1'"))
        .isEqualTo("Unknown option: '--github-token=***'");
    assertThat(redact("Unknown options: '--db-password', 'hunter2'"))
        .isEqualTo("Unknown options: '--db-password', '***'");
    assertThat(redact("run --some-token abc123 --debug")).isEqualTo("run --some-token *** --debug");
    assertThat(redact("--Client-SECRET \"two words\"")).isEqualTo("--Client-SECRET \"***\"");
    assertThat(redact("GITHUB_TOKEN=ghp_x1 PGPASSWORD='a b' make"))
        .isEqualTo("GITHUB_TOKEN=*** PGPASSWORD='***' make");
    assertThat(redact("UPDATE users SET password_hash='x'"))
        .isEqualTo("UPDATE users SET password_hash='***'");
  }

  @Test
  void leavesNamesWithoutAValueAlone() {
    for (String text :
        new String[] {
          "ALTER TABLE users ADD COLUMN password_hash text NOT NULL;",
          "SELECT id FROM users WHERE password_hash = 'x' AND token_count > 2",
          "FATAL: password authentication failed for user \"app\"",
          "sslkey=/etc/client.key primary_key=id --key value",
          "-- the reset token expires after a day",
          "--password",
        }) {
      assertThat(redact(text)).isEqualTo(text);
    }
    assertThat(redact(null)).isNull();
  }

  @Test
  void hidesTheValuesOfSecretEnvironmentVariablesLikeGitHubActions() {
    SecretRedactor redactor =
        new SecretRedactor(
            Map.of(
                "GITHUB_TOKEN", "ghs_abcdef123",
                "OLD_TOKEN", "ghs_abcdef",
                "INPUT_GITHUB-TOKEN", "ghp_input456",
                "ACTIONS_RUNTIME_TOKEN", "eyJ0eXAi.runtime",
                "PGPASSWORD", "pg-s3cret",
                "DEPLOY_KEY", "-----BEGIN KEY-----\nkey-line-one\n-----END KEY-----",
                "API_KEY", "abcdef123456789",
                "SHORT_TOKEN", "abc12",
                "HOME", "/home/runner"));
    String text =
        "ghs_abcdef123 ghp_input456 eyJ0eXAi.runtime pg-s3cret key-line-one abcdef123456789"
            + " abc12 /home/runner";
    assertThat(redactor.redact(text))
        .as("the longer of two secrets that share a start is hidden whole")
        .isEqualTo("*** *** *** *** *** *** abc12 /home/runner");
    assertThat(redactor.redact("ghs_abcdef!")).isEqualTo("***!");
  }
}
