package io.migtest.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Test Anything Protocol lines that pgTAP functions return: {@code 1..n} (the plan),
 * {@code ok n - description}, {@code not ok n - description} followed by {@code #} diagnostics. A
 * {@code # TODO} test may fail; a run with no plan, or with fewer tests than planned, fails.
 */
public final class TapOutput {
  private static final Pattern PLAN = Pattern.compile("^1\\.\\.(\\d+)");
  private static final Pattern RESULT =
      Pattern.compile("^(not )?ok\\b\\s*(\\d+)?\\s*(?:-\\s*)?(.*)$");

  private TapOutput() {}

  /** One line of output and the file line of the statement that printed it. */
  public record Line(String text, int sourceLine) {}

  /** The failures in {@code output}; empty when every planned test passed. */
  public static List<TestFailure> failures(String file, List<Line> output) {
    List<TestFailure> failures = new ArrayList<>();
    Integer planned = null;
    int ran = 0;
    TestFailure open = null;
    StringBuilder diagnostics = new StringBuilder();
    for (Line line : output) {
      String text = line.text() == null ? "" : line.text();
      for (String part : text.split("\n", -1)) {
        Matcher plan = PLAN.matcher(part.strip());
        Matcher result = RESULT.matcher(part.strip());
        if (plan.find()) {
          planned = Integer.parseInt(plan.group(1));
        } else if (result.matches()) {
          open = close(open, diagnostics, failures);
          ran++;
          boolean todo = result.group(3).contains("# TODO");
          if (result.group(1) != null && !todo) {
            open =
                new TestFailure(
                    file,
                    line.sourceLine(),
                    "ok",
                    "not ok",
                    "not ok " + ran + " " + result.group(3));
          }
        } else if (part.strip().startsWith("#") && open != null) {
          diagnostics.append('\n').append(part.strip());
        }
      }
    }
    close(open, diagnostics, failures);
    if (planned == null) {
      failures.add(
          new TestFailure(
              file,
              0,
              "a plan",
              "none",
              "no TAP plan: start with SELECT plan(n) (or no_plan()) and end with SELECT * FROM"
                  + " finish()"));
    } else if (planned != ran) {
      failures.add(
          new TestFailure(
              file,
              0,
              planned + " tests",
              ran + " tests",
              "planned " + planned + " tests but ran " + ran));
    }
    return failures;
  }

  private static TestFailure close(
      TestFailure open, StringBuilder diagnostics, List<TestFailure> failures) {
    if (open != null) {
      failures.add(
          new TestFailure(
              open.file(),
              open.line(),
              open.expected(),
              open.actual(),
              open.message() + diagnostics));
    }
    diagnostics.setLength(0);
    return null;
  }
}
