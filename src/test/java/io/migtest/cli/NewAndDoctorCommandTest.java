package io.migtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NewAndDoctorCommandTest {
  @TempDir Path project;

  @Test
  void newScaffoldsTheNextVersionInTheDetectedLayout() throws IOException {
    Files.createDirectories(project.resolve("migrations"));
    Files.writeString(project.resolve("migrations/000007_init.up.sql"), "CREATE TABLE a (id int);");
    Files.writeString(project.resolve("migrations/000007_init.down.sql"), "DROP TABLE a;");
    CliRun run = CliRun.of("new", "Add orders", "--dir", project.toString());
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.out()).contains("created migrations/000008_add_orders.up.sql");
    assertThat(project.resolve("migrations/000008_add_orders.down.sql")).exists();

    CliRun again =
        CliRun.of("new", "Add orders", "--dir", project.toString(), "--layout", "golang-migrate");
    assertThat(again.exitCode()).isZero();
    assertThat(project.resolve("migrations/000009_add_orders.up.sql")).exists();

    assertThat(CliRun.of("new", "!!!", "--dir", project.toString()).exitCode()).isEqualTo(2);
  }

  @Test
  void aLongNameIsShortenedAtAWordInFileNamesAndKeptWholeInTheComment() throws IOException {
    Files.createDirectories(project.resolve("migrations"));
    Files.writeString(project.resolve("migrations/V1__init.sql"), "CREATE TABLE a (id int);");
    String name = "add the orders index ".repeat(15).strip();
    CliRun run = CliRun.of("new", name, "--dir", project.toString());
    assertThat(run.exitCode()).as(run.all()).isZero();
    String slug = "add_the_orders_index_add_the_orders_index_add_the_orders_index";
    assertThat(project.resolve("migrations/V2__" + slug + ".sql")).content().contains(name);
    assertThat(project.resolve("migrations/U2__" + slug + ".sql")).exists();

    CliRun oneWord = CliRun.of("new", "x".repeat(300), "--dir", project.toString());
    assertThat(oneWord.exitCode()).as(oneWord.all()).isZero();
    assertThat(project.resolve("migrations/V3__" + "x".repeat(64) + ".sql")).exists();

    assertThat(CliRun.of("new", "--help").out().replaceAll("\\s+", " "))
        .contains("at most 64 characters");
  }

  @Test
  void newStartsASqitchProjectFromNothing() throws IOException {
    CliRun run =
        CliRun.of(
            "new",
            "first one",
            "--dir",
            project.toString(),
            "--layout",
            "sqitch",
            "--migrations",
            "db");
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(project.resolve("db/sqitch.plan"))
        .content()
        .startsWith("%syntax-version=1.0.0\n%project=");
    assertThat(project.resolve("db/deploy/first_one.sql")).exists();
  }

  @Test
  void newAppendsALiquibaseChangesetToTheLastChangelogSoItRunsLast() throws IOException {
    Files.createDirectories(project.resolve("db/changelog"));
    Files.writeString(
        project.resolve("db/changelog/changelog.sql"),
        "--liquibase formatted sql\n--changeset ann:1\nCREATE TABLE t (id int);\n");
    CliRun run = CliRun.of("new", "add invoices", "--dir", project.toString());
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.out()).contains("updated db/changelog/changelog.sql");
    assertThat(project.resolve("db/changelog/changelog.sql"))
        .content()
        .contains("--changeset migtest:")
        .endsWith("--rollback \n");
  }

  @Test
  void newAddsASqitchChangeToThePlan() throws IOException {
    Files.writeString(project.resolve("sqitch.plan"), "%project=app\n\n");
    CliRun run = CliRun.of("new", "users", "--dir", project.toString(), "--migrations", ".");
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(Files.readString(project.resolve("sqitch.plan"))).contains("\nusers ");
    assertThat(project.resolve("deploy/users.sql")).content().contains("BEGIN;");
    assertThat(project.resolve("revert/users.sql")).exists();
    assertThat(project.resolve("verify/users.sql")).exists();
  }

  @Test
  void doctorShowsLayoutDatabaseAndGitWithoutStartingAnything() throws IOException {
    Files.createDirectories(project.resolve("db/migrations"));
    Files.writeString(project.resolve("db/migrations/V1__a.sql"), "CREATE TABLE a (id int);");
    CliRun run = CliRun.of("doctor", project.toString());
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.out())
        .contains("migrations: db/migrations (layout flyway, 1 migration,")
        .contains("tests:      none")
        .contains("database:   embedded")
        .contains("git:")
        .contains("github:");
  }

  @Test
  void doctorShowsPsqlAndItsVersionWhenScriptsRunWithIt() throws IOException {
    Files.createDirectories(project.resolve("db/migrations"));
    Files.writeString(project.resolve("db/migrations/001_a.sql"), "CREATE TABLE a (id int);");
    assertThat(CliRun.of("doctor", project.toString()).out())
        .contains("no script needs it (none uses psql's commands or variables)");
    Files.writeString(project.resolve("db/migrations/002_b.sql"), "\\ir common.sql\n");
    CliRun run = CliRun.of("doctor", project.toString());
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.out())
        .containsPattern("psql: +/\\S*psql \\(psql \\(PostgreSQL\\) \\d+")
        .contains("1 script run with it (e.g. db/migrations/002_b.sql)");
  }

  @Test
  void doctorOnASqitchProjectNamesItsFolderAndCountsVerifyScriptsAsTests() throws IOException {
    Files.writeString(
        project.resolve("sqitch.plan"), "%project=app\n\nusers 2024-01-01T00:00:00Z a <a@b> #\n");
    Files.createDirectories(project.resolve("deploy"));
    Files.createDirectories(project.resolve("verify"));
    Files.writeString(project.resolve("deploy/users.sql"), "CREATE TABLE users (id int);");
    Files.writeString(project.resolve("verify/users.sql"), "SELECT id FROM users WHERE false;");
    CliRun run = CliRun.of("doctor", project.toString());
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.out())
        .contains("migrations: . (layout sqitch, 1 migration,")
        .contains("psql:")
        .contains("tests:      1 Sqitch verify script (db/tests does not exist)");
    Files.writeString(project.resolve("sqitch.conf"), "[deploy]\n\tverify = true\n");
    assertThat(CliRun.of("doctor", project.toString()).out())
        .as("verify scripts the deploy runs are tests too")
        .contains("tests:      1 Sqitch verify script");
  }

  @Test
  void doctorShowsWhatItTookFromTheToolsConfigurationWithoutItsSecrets() throws IOException {
    Files.createDirectories(project.resolve("database/flyway"));
    Files.writeString(project.resolve("database/flyway/V1__a.sql"), "CREATE TABLE a (id int);");
    Files.writeString(
        project.resolve("flyway.conf"),
        "flyway.locations=filesystem:database/flyway\n"
            + "flyway.placeholders.db_password=hunter2secret\n"
            + "flyway.password=topsecret\n");
    Files.writeString(project.resolve("migtest.yml"), "init-sql: SET work_mem = '64MB'\n");
    CliRun run = CliRun.of("doctor", project.toString());
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.out())
        .contains("migrations: database/flyway (layout flyway, 1 migration,")
        .contains(
            "tool config: flyway.conf (2 settings taken; migtest's own settings win for init-sql)")
        .contains("flyway.locations=filesystem:database/flyway (flyway.conf line 1)")
        .contains("flyway.placeholders.db_password=*** (flyway.conf line 2)")
        .doesNotContain("hunter2secret")
        .doesNotContain("topsecret");
  }

  @Test
  void doctorDoesNotEchoTheDatabaseUrlItDoesNotTake() {
    CliRun withDir =
        CliRun.of("doctor", project.toString(), "--database-url", "postgres://u:s3cret-pw@h/db");
    assertThat(withDir.exitCode()).isEqualTo(2);
    assertThat(withDir.err()).contains("postgres://u:***@h/db").doesNotContain("s3cret-pw");

    CliRun withoutDir = CliRun.of("doctor", "--database-url", "postgres://u:s3cret-pw@h/db");
    assertThat(withoutDir.exitCode()).isEqualTo(2);
    assertThat(withoutDir.all()).doesNotContain("s3cret-pw");
  }

  @Test
  void helpAndVersionWork() {
    assertThat(CliRun.of("--version").out()).startsWith("migtest ");
    CliRun help = CliRun.of("check", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("--migrations").contains("--base").contains("Exit codes");
    CliRun badFlag = CliRun.of("check", "--no-such-flag");
    assertThat(badFlag.exitCode()).isEqualTo(2);
    assertThat(badFlag.err())
        .contains("--no-such-flag")
        .contains("migtest check --help")
        .hasLineCount(2);
    assertThat(CliRun.of().exitCode()).as("no command").isEqualTo(2);
    CliRun unknown = CliRun.of("frob");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err())
        .contains("unknown command 'frob'; the commands are check, lint,")
        .contains("migtest --help");
  }

  /**
   * picocli wraps a description line longer than the usage width at its last column: prose reads
   * on, but the rest of an indented line (a table of choices) would start at the margin, away from
   * its column.
   */
  @Test
  void everyIndentedHelpDescriptionLineFitsTheUsageWidth() {
    List<String> tooLong = new ArrayList<>();
    for (CommandLine command : allCommands()) {
      int width = command.getUsageHelpWidth();
      for (String line : command.getCommandSpec().usageMessage().description()) {
        if (line.startsWith(" ") && line.length() > width) {
          tooLong.add(command.getCommandName() + ": " + line);
        }
      }
    }
    assertThat(tooLong).isEmpty();
  }

  /**
   * picocli wraps at a dot inside a word ("junit." then "xml" on the next line), which breaks file
   * and setting names a reader copies.
   */
  @Test
  void helpNeverBreaksAFileOrSettingNameAcrossLines() {
    Pattern dotted = Pattern.compile("[\\w/-]*\\.[\\w./-]*\\w");
    List<String> broken = new ArrayList<>();
    for (CommandLine command : allCommands()) {
      CommandLine.Model.CommandSpec spec = command.getCommandSpec();
      List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
      texts.addAll(List.of(spec.usageMessage().footer()));
      spec.args().forEach(arg -> texts.addAll(List.of(arg.description())));
      String usage = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
      List<String> lines = usage.lines().toList();
      for (int i = 0; i + 1 < lines.size(); i++) {
        String line = lines.get(i);
        String next = lines.get(i + 1);
        // Not the next row of a table (a command or option, two spaces, its description).
        boolean continues = indent(next) >= indent(line) && !next.matches("\\s*\\S+\\s{2,}\\S.*");
        if (continues && line.matches(".*[a-z]\\.$") && next.strip().matches("[a-z].*")) {
          broken.add(command.getCommandName() + ": " + line + " / " + next);
        }
      }
      for (String text : texts) {
        Matcher name = dotted.matcher(text);
        while (name.find()) {
          if (!usage.contains(name.group())) {
            broken.add(command.getCommandName() + ": " + name.group());
          }
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  /** migtest and every command under it, subcommands of subcommands included. */
  private static List<CommandLine> allCommands() {
    List<CommandLine> all = new ArrayList<>();
    List<CommandLine> next = new ArrayList<>(List.of(MigtestCommand.commandLine("--help")));
    while (!next.isEmpty()) {
      CommandLine command = next.remove(0);
      next.addAll(command.getSubcommands().values());
      all.add(command);
    }
    return all;
  }

  private static int indent(String line) {
    return line.length() - line.stripLeading().length();
  }

  @Test
  void aNameSpanningLinesIsRefusedSoNoLineOfItBecomesSql(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("db/migrations"));
    Files.writeString(dir.resolve("db/migrations/V1__a.sql"), "SELECT 1;");
    CliRun run = CliRun.of("new", "add x\nDROP TABLE users;", "--dir", dir.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("one line");
    try (var files = Files.list(dir.resolve("db/migrations"))) {
      assertThat(files).hasSize(1);
    }
  }

  @Test
  void newRefusesToWriteThroughALinkOutOfTheProject(@TempDir Path outside) throws IOException {
    Files.writeString(project.resolve("sqitch.plan"), "%project=app\n\n");
    Files.createDirectories(project.resolve("deploy"));
    Files.createSymbolicLink(project.resolve("verify"), outside);
    CliRun run = CliRun.of("new", "add users", "--dir", project.toString());
    assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
    assertThat(run.err()).contains("symbolic link");
    try (var files = Files.list(outside)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void doctorOnAFolderThatDoesNotExistIsAUsageErrorLikeCheck() {
    CliRun run = CliRun.of("doctor", project.resolve("missing").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("does not exist");
  }
}
