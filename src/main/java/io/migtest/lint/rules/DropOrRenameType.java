package io.migtest.lint.rules;

import io.migtest.finding.Severity;
import io.migtest.lint.LintContext;
import io.migtest.lint.LintStatement;
import io.migtest.lint.QualifiedName;
import io.migtest.lint.Rule;
import io.migtest.lint.RuleReport;
import io.migtest.lint.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A type or domain that exists in production dropped, renamed or moved to another schema: SQL of
 * the application version still running that names it (casts such as {@code 'x'::status}, function
 * signatures) fails, and so do drivers that map the type by name; {@code DROP TYPE ... CASCADE}
 * also drops every column of that type, with its data.
 */
public final class DropOrRenameType implements Rule {
  @Override
  public String id() {
    return "drop-or-rename-type";
  }

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "Dropping or renaming a type or domain breaks SQL of the application still running";
  }

  @Override
  public boolean checksDownScripts() {
    return false;
  }

  @Override
  public void check(LintStatement statement, LintContext context, RuleReport report) {
    Tokens t = statement.tokens();
    boolean drop = t.startsWith("drop", "type") || t.startsWith("drop", "domain");
    boolean alter = t.startsWith("alter", "type") || t.startsWith("alter", "domain");
    if (drop) {
      List<QualifiedName> existing = new ArrayList<>();
      for (Tokens part : t.from(t.skipIfExists(2)).splitAtTopLevelCommas()) {
        QualifiedName type = part.nameAt(0);
        if (type != null && context.typeExistedBefore(type)) {
          existing.add(type);
        }
      }
      if (!existing.isEmpty()) {
        report.drop(
            statement,
            t.matchesAt(2, "if", "exists"),
            context,
            "Dropping "
                + t.get(1).value()
                + " "
                + existing.stream().map(QualifiedName::toString).collect(Collectors.joining(", "))
                + (TopLevel.has(t, "cascade")
                    ? " with CASCADE also drops every column of that type, with its data, and"
                    : "")
                + " breaks SQL of the application version still running during the deployment"
                + " that names it (casts, function arguments) and drivers that map it by name."
                + " Stop using it in one release, drop it in a later one, and say so with"
                + " -- migtest:ignore drop-or-rename-type <reason>."
                + context.assumption());
      }
      return;
    }
    QualifiedName type = alter ? t.nameAt(2) : null;
    if (type == null || !context.typeExistedBefore(type)) {
      return;
    }
    int action = t.afterName(2);
    QualifiedName target = t.nameAt(action + 2);
    String change;
    if (t.matchesAt(action, "rename", "to") && target != null) {
      change = "Renaming " + t.get(1).value() + " " + type + " to " + target.name();
    } else if (t.matchesAt(action, "set", "schema") && target != null) {
      change = "Moving " + t.get(1).value() + " " + type + " to schema " + target.name();
    } else {
      return;
    }
    report.at(
        statement,
        change
            + " breaks SQL of the application version still running during the deployment that"
            + " names "
            + type
            + " (casts such as '...'::"
            + type.name()
            + ", function arguments) and drivers that map it by name. Keep the name, or first"
            + " release application code that no longer names the type, then rename it."
            + context.assumption());
  }
}
