package io.migtest.lint;

import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code -- migtest:ignore <rule>[,<rule>...] <reason>} comments of a script. One on a line of
 * a statement, or on the lines right before it, silences those rules for that statement. One in the
 * file's header, separated from the first statement by an empty line, silences them for the whole
 * file. The reason is required; an unknown rule, a missing reason and an ignore that silenced
 * nothing are findings themselves.
 */
final class Suppressions {
  private static final Pattern IGNORE =
      Pattern.compile("--\\s*migtest:ignore(?:\\s+(\\S+))?(?:\\s+(.*?))?\\s*$");

  /** One comment, and whether it silenced anything yet. */
  private static final class Ignore {
    final int line;
    final List<String> rules;
    final String reason;
    final int statement;
    boolean used;

    Ignore(int line, List<String> rules, String reason, int statement) {
      this.line = line;
      this.rules = rules;
      this.reason = reason;
      this.statement = statement;
    }
  }

  private static final int WHOLE_FILE = -1;
  private static final int NO_STATEMENT = -2;

  private final String file;
  private final List<Ignore> ignores;

  private Suppressions(String file, List<Ignore> ignores) {
    this.file = file;
    this.ignores = ignores;
  }

  /** The ignore comments of {@code script}, each tied to its statement or to the file. */
  static Suppressions of(LintScript script) {
    List<Ignore> ignores = new ArrayList<>();
    if (!script.text().contains("migtest:ignore")) {
      return new Suppressions(script.file(), ignores);
    }
    String[] lines = script.text().split("\n", -1);
    List<LintStatement> statements = script.statements();
    for (int i = 0; i < lines.length; i++) {
      Matcher m = IGNORE.matcher(lines[i]);
      if (!m.find()) {
        continue;
      }
      int line = script.firstLine() + i;
      List<String> rules = m.group(1) == null ? List.of() : Arrays.asList(m.group(1).split(","));
      String reason = m.group(2) == null ? "" : m.group(2).strip();
      ignores.add(
          new Ignore(
              line, rules, reason, statementOf(line, lines, script.firstLine(), statements)));
    }
    return new Suppressions(script.file(), ignores);
  }

  private static int statementOf(
      int line, String[] lines, int firstLine, List<LintStatement> statements) {
    for (LintStatement s : statements) {
      if (line <= s.endLine()) {
        if (line >= s.line() || s.index() > 0) {
          return s.index();
        }
        for (int l = line; l < s.line(); l++) {
          if (lines[l - firstLine].isBlank()) {
            return WHOLE_FILE;
          }
        }
        return s.index();
      }
    }
    return NO_STATEMENT;
  }

  /** Whether an ignore silences {@code rule} on {@code statement}; marks it used if so. */
  boolean silences(String rule, LintStatement statement) {
    boolean silenced = false;
    for (Ignore ignore : ignores) {
      if (ignore.rules.contains(rule)
          && (ignore.statement == WHOLE_FILE || ignore.statement == statement.index())) {
        ignore.used = true;
        silenced = true;
      }
    }
    return silenced;
  }

  /** Ignores without a reason, naming unknown rules, or that silenced nothing. */
  List<Finding> problems(Set<String> knownRules, Set<String> enabledRules) {
    List<Finding> problems = new ArrayList<>();
    for (Ignore ignore : ignores) {
      if (ignore.rules.isEmpty()) {
        problems.add(
            Finding.error(
                RuleId.IGNORE_WITHOUT_REASON,
                file,
                ignore.line,
                "migtest:ignore names no rule: write `-- migtest:ignore <rule> <reason>`"
                    + " (`migtest rules` lists the rules)."));
        continue;
      }
      List<String> unknown = ignore.rules.stream().filter(r -> !knownRules.contains(r)).toList();
      unknown.forEach(
          rule ->
              problems.add(
                  Finding.error(
                      RuleId.UNKNOWN_RULE,
                      file,
                      ignore.line,
                      "migtest:ignore names `"
                          + rule
                          + "`, which is not a rule; `migtest rules` lists them.")));
      if (ignore.reason.isEmpty()) {
        problems.add(
            Finding.error(
                RuleId.IGNORE_WITHOUT_REASON,
                file,
                ignore.line,
                "migtest:ignore "
                    + String.join(",", ignore.rules)
                    + " gives no reason: say why the rule does not apply here, after the rule"
                    + " ids, so that reviewers can judge it."));
      }
      boolean checked = ignore.rules.stream().anyMatch(enabledRules::contains);
      if (!ignore.used && unknown.isEmpty() && checked) {
        problems.add(
            Finding.warning(
                RuleId.UNUSED_IGNORE,
                file,
                ignore.line,
                "migtest:ignore "
                    + String.join(",", ignore.rules)
                    + " silences nothing here: remove it, or move it to the statement it is"
                    + " about."));
      }
    }
    return problems;
  }
}
