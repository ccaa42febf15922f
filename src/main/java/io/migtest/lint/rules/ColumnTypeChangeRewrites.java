package io.migtest.lint.rules;

import io.migtest.finding.Severity;
import io.migtest.lint.AlterTable;
import io.migtest.lint.BaseCatalog;
import io.migtest.lint.ColumnDefinition;
import io.migtest.lint.ColumnType;
import io.migtest.lint.LintContext;
import io.migtest.lint.LintStatement;
import io.migtest.lint.QualifiedName;
import io.migtest.lint.Rule;
import io.migtest.lint.RuleReport;
import io.migtest.lint.SqlTokens.Kind;
import io.migtest.lint.Tokens;
import io.migtest.lint.TypeChange;
import io.migtest.lint.TypeChange.Effect;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ALTER COLUMN ... TYPE} on an existing column that rewrites the table: any {@code USING},
 * and any change other than the few that keep the rows (a longer {@code varchar}, {@code varchar}
 * to {@code text}, a larger precision, ...; see {@link io.migtest.lint.TypeChange}). The old type
 * comes from the base catalog; without a database the finding says it could not be verified.
 * Changes that keep the rows but rebuild the column's indexes are reported when the column is
 * indexed.
 */
public final class ColumnTypeChangeRewrites implements Rule {
  private static final Set<String> ZERO_OFFSET_ZONES =
      Set.of("utc", "etc/utc", "uct", "etc/uct", "gmt", "etc/gmt", "universal", "zulu", "0");
  private static final String SAFE_WAY =
      " Add a column of the new type, keep it in step with a trigger, backfill the existing"
          + " rows in batches, then switch to it in a later migration.";

  @Override
  public String id() {
    return "column-type-change-rewrites";
  }

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "ALTER COLUMN TYPE that rewrites an existing table (or rebuilds its indexes)";
  }

  @Override
  public void check(LintStatement statement, LintContext context, RuleReport report) {
    Optional<AlterTable> existing = AlterTable.ofExisting(statement, context);
    if (existing.isEmpty()) {
      return;
    }
    AlterTable alter = existing.get();
    for (Tokens action : alter.actions()) {
      ColumnDefinition change = ColumnDefinition.retyped(alter.table(), action).orElse(null);
      if (change != null && context.columnExistedBefore(alter.table(), change.name())) {
        check(statement, context, report, alter.table(), change);
      }
    }
  }

  private void check(
      LintStatement statement,
      LintContext context,
      RuleReport report,
      QualifiedName table,
      ColumnDefinition change) {
    String target = table + "." + change.name();
    BaseCatalog catalog = context.catalog();
    Optional<BaseCatalog.Column> column = catalog.column(table, change.name());
    if (change.using()) {
      report.at(
          statement,
          "Changing the type of "
              + target
              + " with a USING clause rewrites the whole table and rebuilds its indexes while it"
              + " is locked against reads and writes."
              + SAFE_WAY
              + context.assumption());
      return;
    }
    if (column.isEmpty()) {
      report.unverified(
          statement,
          "Could not verify whether changing "
              + target
              + " to "
              + change.type()
              + " rewrites the table: "
              + (catalog.known()
                  ? "the base state's catalog does not have the column."
                  : "linted without a database, migtest does not know the old type.")
              + " Only a few changes keep the rows (a longer varchar, varchar to text, a larger"
              + " numeric precision with the same scale); any other rewrites the table and its"
              + " indexes under an ACCESS EXCLUSIVE lock.");
      return;
    }
    ColumnType old = ColumnType.parse(column.get().type());
    Effect effect = TypeChange.of(change, catalog).orElseThrow();
    if (effect == Effect.REWRITE_UNLESS_UTC && utcSetBefore(context)) {
      effect = Effect.INDEXES_REBUILT;
    }
    String from = " from " + old + " to " + change.type();
    switch (effect) {
      case REWRITE ->
          report.at(
              statement,
              "Changing "
                  + target
                  + from
                  + " rewrites the whole table and rebuilds its indexes while it is locked against"
                  + " reads and writes."
                  + SAFE_WAY);
      case REWRITE_UNLESS_UTC ->
          report.at(
              statement,
              "Changing "
                  + target
                  + from
                  + " rewrites the table under an ACCESS EXCLUSIVE lock unless the session's"
                  + " TimeZone is UTC, and rebuilds the column's indexes either way. The existing"
                  + " values are read in the session's time zone: if they are meant as UTC, put"
                  + " SET LOCAL TimeZone = 'UTC' before this statement (no rewrite on PostgreSQL"
                  + " 12 and later)."
                  + SAFE_WAY);
      case INDEXES_REBUILT -> {
        if (catalog.indexed(table, change.name())) {
          report.at(
              statement,
              "Changing "
                  + target
                  + from
                  + (change.collate() ? " with a COLLATE clause" : "")
                  + " keeps the rows, but every index on the column is rebuilt"
                  + (change.collate() ? " (when the collation differs)" : "")
                  + " while the table is locked against reads and writes. Drop those indexes"
                  + " CONCURRENTLY first and build them again CONCURRENTLY after the change, or"
                  + " move the data to a new column.");
        }
      }
      case NONE -> {}
    }
  }

  /** Whether an earlier statement of the script set the session's TimeZone to a zero offset. */
  private static boolean utcSetBefore(LintContext context) {
    boolean utc = false;
    for (LintStatement s : context.earlierInScriptStartingWith("set")) {
      Tokens t = s.tokens();
      int i = t.matchesAt(1, "session") || t.matchesAt(1, "local") ? 2 : 1;
      int value =
          !t.startsWith("set")
              ? -1
              : t.matchesAt(i, "time", "zone")
                  ? i + 2
                  : t.matchesAt(i, "timezone")
                          && (t.matchesAt(i + 1, "=") || t.matchesAt(i + 1, "to"))
                      ? i + 2
                      : -1;
      if (value >= 0 && value < t.size()) {
        String zone = t.get(value).value().toLowerCase(Locale.ROOT);
        utc = t.get(value).kind() != Kind.SYMBOL && ZERO_OFFSET_ZONES.contains(zone);
      }
    }
    return utc;
  }
}
