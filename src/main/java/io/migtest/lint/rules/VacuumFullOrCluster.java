package io.migtest.lint.rules;

import io.migtest.finding.Severity;
import io.migtest.lint.LintContext;
import io.migtest.lint.LintStatement;
import io.migtest.lint.QualifiedName;
import io.migtest.lint.Rule;
import io.migtest.lint.RuleReport;
import io.migtest.lint.SqlTokens.Kind;
import io.migtest.lint.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code VACUUM FULL} or {@code CLUSTER} on existing tables: both write the table anew under ACCESS
 * EXCLUSIVE, so nothing reads or writes it until they finish. Plain {@code VACUUM} and {@code
 * ANALYZE} take a lock that lets reads and writes through.
 */
public final class VacuumFullOrCluster implements Rule {
  private static final Set<String> OFF = Set.of("false", "off", "0");
  private static final Set<String> OLD_STYLE_FLAGS = Set.of("full", "freeze", "verbose", "analyze");

  @Override
  public String id() {
    return "vacuum-full-or-cluster";
  }

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "VACUUM FULL or CLUSTER rewrites existing tables under ACCESS EXCLUSIVE";
  }

  @Override
  public void check(LintStatement statement, LintContext context, RuleReport report) {
    Tokens t = statement.tokens();
    String command;
    int tables;
    if (t.startsWith("vacuum")) {
      int options = t.matchesAt(1, "(") ? t.closing(1) : -1;
      boolean full = options >= 0 ? fullOption(t.slice(2, options)) : t.matchesAt(1, "full");
      if (!full) {
        return;
      }
      command = "VACUUM FULL";
      tables = options >= 0 ? options + 1 : 1;
      while (tables < t.size()
          && t.get(tables).kind() == Kind.WORD
          && OLD_STYLE_FLAGS.contains(t.get(tables).value())) {
        tables++;
      }
    } else if (t.startsWith("cluster")) {
      command = "CLUSTER";
      tables = t.matchesAt(1, "(") ? t.closing(1) + 1 : 1;
      tables = t.matchesAt(tables, "verbose") ? tables + 1 : tables;
    } else {
      return;
    }
    List<String> existing = new ArrayList<>();
    boolean named = false;
    for (Tokens part : t.from(tables).splitAtTopLevelCommas()) {
      QualifiedName table = part.nameAt(0);
      if (table != null) {
        named = true;
        if (context.existedBefore(table)) {
          existing.add(table.toString());
        }
      }
    }
    if (named && existing.isEmpty()) {
      return;
    }
    report.at(
        statement,
        command
            + " "
            + (named
                ? String.join(", ", existing)
                : command.equals("CLUSTER")
                    ? "(every table clustered before)"
                    : "(every table of the database)")
            + " writes each table anew while it is locked against reads and writes, for as long"
            + " as the copy takes. Leave space reclamation to plain VACUUM, or run an online tool"
            + " such as pg_repack outside the migration."
            + (named ? context.assumption() : ""));
  }

  /** Whether {@code FULL} is among the options and not turned off. */
  private static boolean fullOption(Tokens options) {
    for (Tokens option : options.splitAtTopLevelCommas()) {
      if (option.startsWith("full")) {
        return option.size() == 1 || !OFF.contains(option.get(1).value());
      }
    }
    return false;
  }
}
