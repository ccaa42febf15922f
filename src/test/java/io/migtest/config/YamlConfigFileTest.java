package io.migtest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migtest.ExitCode;
import io.migtest.MigtestException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migtest.yml} comes from the pull request: hostile files fail fast, in our words. */
class YamlConfigFileTest {
  @TempDir Path dir;

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("migtest.yml"), yaml);
  }

  private AbstractStringAssert<?> usageError(String yaml) throws IOException {
    Path file = write(yaml);
    return assertThatThrownBy(() -> YamlConfigFile.read(file))
        .isInstanceOfSatisfying(
            MigtestException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
        .message();
  }

  @Test
  void aFileOverOneMebibyteIsRefusedBeforeItIsParsed() throws IOException {
    String yaml = "test-command: \"" + "x".repeat(2 * 1024 * 1024) + "\"\n";
    usageError(yaml)
        .isEqualTo(
            "migtest.yml is " + yaml.length() + " bytes; migtest reads config files up to 1 MiB.");

    String comments = ("#" + "x".repeat(98) + "\n").repeat(YamlConfigFile.MAX_BYTES / 100 + 1);
    Path atLimit = write(("layout: flyway\n" + comments).substring(0, YamlConfigFile.MAX_BYTES));
    assertThat(Files.size(atLimit)).isEqualTo(1 << 20);
    assertThat(YamlConfigFile.read(atLimit)).containsOnlyKeys("layout");
  }

  @Test
  void anAliasIsRefusedNamingItsLineInsteadOfReadingAsTheAnchorName() throws IOException {
    usageError("layout: &off flyway\ngates:\n  apply: *off\n")
        .isEqualTo(
            "migtest.yml line 3: YAML aliases (*off) are not allowed; write the value itself.");
    usageError("database: &db\n  url: postgres://h/db\ngates: *db\n")
        .startsWith("migtest.yml line 3: YAML aliases (*db)");
  }

  @Test
  void aSecondDocumentIsRefusedNamingTheLineWhereItStarts() throws IOException {
    usageError("layout: flyway\n---\nlayout: plain\n")
        .isEqualTo(
            "migtest.yml line 2: a second YAML document starts here;"
                + " migtest.yml must hold one document.");
    usageError("---\nlayout: flyway\n\n--- # more\ngates:\n  apply: off\n")
        .startsWith("migtest.yml line 4: a second YAML document");
    usageError("{layout: flyway}\n...\n---\n").startsWith("migtest.yml line 3: a second YAML");
  }

  @Test
  void aSyntaxErrorSaysWhatIsWrongOnTheLineWhereItIs() throws IOException {
    usageError("gates:\n\tlint: block\n")
        .startsWith("migtest.yml line 2: not valid YAML: while scanning for the next token;")
        .contains("found character '\\t(TAB)' that cannot start any token")
        .doesNotContain("in 'reader'");
  }

  @Test
  void aFileThatIsNotUtf8IsRefusedInOurWords() throws IOException {
    Files.write(
        dir.resolve("migtest.yml"), new byte[] {(byte) 0xff, (byte) 0xfe, 'a', ':', ' ', 'b'});
    assertThatThrownBy(() -> YamlConfigFile.read(dir.resolve("migtest.yml")))
        .hasMessage("migtest.yml is not valid UTF-8: save it as UTF-8.");
  }

  @Test
  void aKeySetTwiceIsRefusedNamingBothLines() throws IOException {
    usageError("layout: flyway\nbase: main\nlayout: plain\n")
        .isEqualTo("migtest.yml line 3: 'layout' is set twice (also on line 1); keep one.");
    usageError("gates:\n  apply: warn\n  apply: off\n")
        .startsWith("migtest.yml line 3: 'gates.apply' is set twice (also on line 2)");
    usageError("gates:\n  apply: warn\nbase: main\ngates:\n  lint: off\n")
        .startsWith("migtest.yml line 4: 'gates' is set twice (also on line 1)");
  }

  @Test
  void deepNestingIsRefusedAtTheFirstLevelThatCannotBeAKey() throws IOException {
    int depth = 50_000;
    usageError("{".repeat(depth) + "}".repeat(depth) + "\n")
        .isEqualTo(
            "migtest.yml line 1: a key must be a plain name, not a list, a mapping or an alias.");
    usageError("layout: flyway\n? " + "[".repeat(depth) + "]".repeat(depth) + "\n: x\n")
        .startsWith("migtest.yml line 2: a key must be a plain name")
        .doesNotContain("org.yaml");
    usageError("layout: &a flyway\n*a : plain\n")
        .startsWith("migtest.yml line 2: a key must be a plain name");
  }

  @Test
  void flywaySettingsAndGolangMigrateOptionsAreReadWithTheirLines() throws IOException {
    Path file =
        write(
            "flyway:\n  placeholders:\n    schema: app\n  outOfOrder: true\n"
                + "golang-migrate:\n  multi-statement: true\n  migrations-table: versions\n");
    var settings = YamlConfigFile.read(file);
    assertThat(settings.get("flyway.placeholders.schema"))
        .isEqualTo(new Setting("app", "migtest.yml line 3"));
    assertThat(settings.get("golang-migrate.multi-statement").value()).isEqualTo("true");
    Config config = ConfigResolver.resolve(dir, null, java.util.Map.of(), java.util.Map.of());
    assertThat(config.flywaySettings().get("placeholders.schema").source())
        .isEqualTo("migtest.yml line 3");
    assertThat(config.flywaySettings().get("outOfOrder").value()).isEqualTo("true");
    assertThat(config.golangMigrate().multiStatement()).isTrue();
    assertThat(config.golangMigrate().migrationsTable()).isEqualTo("versions");
    write("golang-migrate:\n  multi-statement: sometimes\n");
    assertThatThrownBy(
            () -> ConfigResolver.resolve(dir, null, java.util.Map.of(), java.util.Map.of()))
        .hasMessageContaining(
            "migtest.yml line 2: 'golang-migrate.multi-statement' is 'sometimes'");
  }
}
