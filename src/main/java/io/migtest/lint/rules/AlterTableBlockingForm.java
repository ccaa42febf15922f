package io.migtest.lint.rules;

import io.migtest.finding.Severity;
import io.migtest.lint.AlterTable;
import io.migtest.lint.LintContext;
import io.migtest.lint.LintStatement;
import io.migtest.lint.Rule;
import io.migtest.lint.RuleReport;
import io.migtest.lint.Tokens;
import java.util.Locale;
import java.util.Optional;

/**
 * ALTER TABLE forms that hold an existing table under ACCESS EXCLUSIVE while they copy or rewrite
 * it ({@code SET LOGGED/UNLOGGED}, {@code SET TABLESPACE}, {@code SET ACCESS METHOD}, {@code SET
 * EXPRESSION}), and {@code DETACH PARTITION} without {@code CONCURRENTLY}, which locks the parent
 * against every query.
 */
public final class AlterTableBlockingForm implements Rule {
  @Override
  public String id() {
    return "alter-table-blocking-form";
  }

  @Override
  public Severity severity() {
    return Severity.WARNING;
  }

  @Override
  public String summary() {
    return "SET LOGGED/UNLOGGED/TABLESPACE/ACCESS METHOD/EXPRESSION or DETACH PARTITION locks a table";
  }

  @Override
  public void check(LintStatement statement, LintContext context, RuleReport report) {
    Optional<AlterTable> existing = AlterTable.ofExisting(statement, context);
    if (existing.isEmpty()) {
      return;
    }
    AlterTable alter = existing.get();
    for (Tokens action : alter.actions()) {
      String problem = problem(action);
      if (problem != null) {
        report.at(statement, alter.table() + ": " + problem + context.assumption());
      }
    }
  }

  private static String problem(Tokens action) {
    if (action.startsWith("set", "logged") || action.startsWith("set", "unlogged")) {
      return action.toString().toUpperCase(Locale.ROOT)
          + " writes the whole table anew while it is locked against reads and writes. Create"
          + " the table with the persistence it needs, or plan a maintenance window.";
    }
    if (action.startsWith("set", "tablespace")) {
      return "SET TABLESPACE copies the table's files while it is locked against reads and"
          + " writes. Move it in a maintenance window, or with an online tool such as pg_repack.";
    }
    if (action.startsWith("set", "access", "method")) {
      return "SET ACCESS METHOD rewrites the table (when the method differs) while it is locked"
          + " against reads and writes. Plan a maintenance window for it.";
    }
    if (action.startsWith("alter") && action.has("set", "expression")) {
      return "SET EXPRESSION recomputes the generated column for every row, rewriting the table"
          + " while it is locked against reads and writes. Add a plain column kept in step by a"
          + " trigger, backfill it in batches, then switch to it.";
    }
    if (action.startsWith("detach", "partition")
        && !action.has("concurrently")
        && !action.has("finalize")) {
      return "DETACH PARTITION locks the partitioned table against reads and writes (and waits"
          + " for every query on it to finish first). Use DETACH PARTITION ... CONCURRENTLY"
          + " (PostgreSQL 14 and later) in a migration that does not run in a transaction; it is"
          + " not possible while the table has a DEFAULT partition.";
    }
    return null;
  }
}
