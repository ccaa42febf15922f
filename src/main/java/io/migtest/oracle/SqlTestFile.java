package io.migtest.oracle;

import io.migtest.finding.Finding;
import io.migtest.finding.Severity;
import io.migtest.sql.SqlScript;
import io.migtest.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SQL test file read into steps: each statement with what the file expects of it. A comment line
 * {@code -- migtest:expect-error <SQLSTATE|class>} before a statement says it must fail with that
 * SQLSTATE (five characters, e.g. {@code 23502}) or class (two, e.g. {@code 23}); {@code --
 * migtest:expect-rows <n>} says it must return (a query) or change n rows. Any other statement must
 * succeed.
 *
 * @param problems what keeps the file from running as written (bad directives, unterminated text)
 * @param pgTap true when the file calls pgTAP's {@code plan()} or {@code no_plan()}
 */
public record SqlTestFile(
    String file, List<Step> steps, List<TestFailure> problems, boolean pgTap) {
  /**
   * Any comment that starts with {@code migtest:} in any case and spacing is a directive: a
   * misspelled one must be an error, never a comment that silently asserts nothing.
   */
  private static final Pattern DIRECTIVE =
      Pattern.compile("^\\s*--\\s*migtest\\s*:\\s*(\\S*)(.*)$", Pattern.CASE_INSENSITIVE);

  private static final Pattern PGTAP_PLAN =
      Pattern.compile(
          "\\bselect\\s+(?:\\*\\s+from\\s+)?(?:no_)?plan\\s*\\(", Pattern.CASE_INSENSITIVE);

  /** What a test file expects of one statement. */
  public sealed interface Expectation permits Succeeds, FailsWith, ReturnsRows {}

  /** The statement must succeed. */
  public record Succeeds() implements Expectation {}

  /** The statement must fail with a SQLSTATE that is, or starts with (a class), {@code code}. */
  public record FailsWith(String code) implements Expectation {
    public boolean matches(String sqlstate) {
      return sqlstate != null && sqlstate.toUpperCase(Locale.ROOT).startsWith(code);
    }

    /** {@code SQLSTATE 23502}, or {@code SQLSTATE class 23} for a class. */
    public String describe() {
      return code.length() == 2 ? "SQLSTATE class " + code : "SQLSTATE " + code;
    }
  }

  /** The statement must return or change exactly {@code rows} rows. */
  public record ReturnsRows(long rows) implements Expectation {}

  /** One statement and its expectation. */
  public record Step(Statement statement, Expectation expectation) {}

  public SqlTestFile {
    steps = List.copyOf(steps);
    problems = List.copyOf(problems);
  }

  /** Reads the steps of {@code script}. */
  public static SqlTestFile parse(SqlScript script) {
    List<String> lines = script.text().lines().toList();
    List<TestFailure> problems = new ArrayList<>();
    for (Finding problem : script.problems()) {
      if (problem.severity() == Severity.ERROR) {
        problems.add(new TestFailure(script.file(), problem.line(), null, null, problem.message()));
      }
    }
    List<Step> steps = new ArrayList<>();
    int previousEnd = script.firstLine() - 1;
    boolean pgTap = false;
    for (Statement statement : script.split().statements()) {
      List<Expectation> expectations = new ArrayList<>();
      for (int line = previousEnd + 1; line < statement.startLine(); line++) {
        directive(
            script.file(), line, lines.get(line - script.firstLine()), expectations, problems);
      }
      if (expectations.size() > 1) {
        problems.add(
            problem(
                script.file(),
                statement.startLine(),
                "more than one migtest directive before one statement; keep one"));
      }
      steps.add(new Step(statement, expectations.isEmpty() ? new Succeeds() : expectations.get(0)));
      pgTap |= PGTAP_PLAN.matcher(statement.sql()).find();
      previousEnd = statement.endLine();
    }
    for (int line = previousEnd + 1; line < script.firstLine() + lines.size(); line++) {
      List<Expectation> dangling = new ArrayList<>();
      directive(script.file(), line, lines.get(line - script.firstLine()), dangling, problems);
      if (!dangling.isEmpty()) {
        problems.add(problem(script.file(), line, "the directive has no statement after it"));
      }
    }
    return new SqlTestFile(script.file(), steps, problems, pgTap);
  }

  private static void directive(
      String file, int line, String text, List<Expectation> found, List<TestFailure> problems) {
    Matcher m = DIRECTIVE.matcher(text);
    if (!m.matches()) {
      return;
    }
    String name = m.group(1).toLowerCase(Locale.ROOT);
    String argument = m.group(2).strip();
    switch (name) {
      case "expect-error" -> {
        if (argument.matches("[0-9A-Za-z]{2}|[0-9A-Za-z]{5}")) {
          found.add(new FailsWith(argument.toUpperCase(Locale.ROOT)));
        } else {
          problems.add(
              problem(
                  file,
                  line,
                  "expect-error takes a SQLSTATE (e.g. 23502) or its class (e.g. 23), not '"
                      + argument
                      + "'"));
        }
      }
      case "expect-rows" -> {
        if (argument.matches("\\d{1,18}")) {
          found.add(new ReturnsRows(Long.parseLong(argument)));
        } else {
          problems.add(
              problem(file, line, "expect-rows takes a number of rows, not '" + argument + "'"));
        }
      }
      default ->
          problems.add(
              problem(
                  file,
                  line,
                  "unknown directive migtest:"
                      + name
                      + "; test files know migtest:expect-error and migtest:expect-rows"));
    }
  }

  private static TestFailure problem(String file, int line, String message) {
    return new TestFailure(file, line, null, null, message);
  }
}
