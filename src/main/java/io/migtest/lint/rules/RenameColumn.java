package io.migtest.lint.rules;

import io.migtest.finding.Severity;
import io.migtest.lint.AlterTable;
import io.migtest.lint.LintContext;
import io.migtest.lint.LintStatement;
import io.migtest.lint.QualifiedName;
import io.migtest.lint.Rule;
import io.migtest.lint.RuleReport;
import io.migtest.lint.Tokens;
import java.util.Optional;

/**
 * A column that exists in production renamed: the application version still running during the
 * deployment names the old column in its queries, and they fail from the moment the rename commits.
 */
public final class RenameColumn implements Rule {
  @Override
  public String id() {
    return "rename-column";
  }

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "Renaming a column breaks the application version still running during the deploy";
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
      if (!action.startsWith("rename")
          || action.matchesAt(1, "to")
          || action.matchesAt(1, "constraint")) {
        continue;
      }
      int name = action.matchesAt(1, "column") ? 2 : 1;
      QualifiedName column = action.nameAt(name);
      QualifiedName renamed = action.matchesAt(name + 1, "to") ? action.nameAt(name + 2) : null;
      if (column == null
          || renamed == null
          || !context.columnExistedBefore(alter.table(), column.name())) {
        continue;
      }
      report.at(
          statement,
          "Renaming "
              + alter.table()
              + "."
              + column.name()
              + " to "
              + renamed.name()
              + " breaks the application version still running during the deployment:"
              + " its queries name "
              + alter.table()
              + "."
              + column.name()
              + " and fail once the rename commits. Add "
              + renamed.name()
              + " as a new column, have the application write both and backfill it,"
              + " move reads to it, and drop "
              + column.name()
              + " in a later release."
              + context.assumption());
    }
  }
}
