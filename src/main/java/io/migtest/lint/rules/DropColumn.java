package io.migtest.lint.rules;

import io.migtest.finding.Severity;
import io.migtest.lint.AlterTable;
import io.migtest.lint.LintContext;
import io.migtest.lint.LintStatement;
import io.migtest.lint.Rule;
import io.migtest.lint.RuleReport;
import io.migtest.lint.Tokens;
import java.util.Optional;

/**
 * A column that exists in production dropped: the application version still running during the
 * deployment reads or writes it and fails.
 */
public final class DropColumn implements Rule {
  @Override
  public String id() {
    return "drop-column";
  }

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "Dropping a column breaks the application version still running during the deploy";
  }

  @Override
  public boolean checksDownScripts() {
    return false;
  }

  @Override
  public void check(LintStatement statement, LintContext context, RuleReport report) {
    Optional<AlterTable> existing = AlterTable.ofExisting(statement, context);
    if (existing.isEmpty()) {
      return;
    }
    AlterTable alter = existing.get();
    for (Tokens action : alter.actions()) {
      if (!action.startsWith("drop") || action.size() < 2) {
        continue;
      }
      int name = action.matchesAt(1, "column") ? 2 : 1;
      if (!action.matchesAt(1, "column") && action.get(1).isWord("constraint")) {
        continue;
      }
      boolean ifExists = action.matchesAt(name, "if", "exists");
      name = action.skipIfExists(name);
      var column = action.nameAt(name);
      if (column == null || !context.columnExistedBefore(alter.table(), column.name())) {
        continue;
      }
      report.drop(
          statement,
          ifExists,
          context,
          "Dropping "
              + alter.table()
              + "."
              + column.name()
              + " breaks the application version that still reads or writes it while"
              + " the deployment rolls out. Stop using the column in one release, drop it"
              + " in a later one, and say so with -- migtest:ignore drop-column <reason>."
              + context.assumption());
    }
  }
}
