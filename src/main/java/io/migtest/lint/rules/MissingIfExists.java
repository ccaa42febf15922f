package io.migtest.lint.rules;

import io.migtest.finding.Severity;
import io.migtest.lint.AlterTable;
import io.migtest.lint.LintContext;
import io.migtest.lint.LintStatement;
import io.migtest.lint.QualifiedName;
import io.migtest.lint.Rule;
import io.migtest.lint.RuleReport;
import io.migtest.lint.Tokens;
import io.migtest.sql.TransactionMode;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * In an up script that does not run as one transaction, a {@code DROP} without {@code IF EXISTS} or
 * a {@code CREATE} / {@code ADD COLUMN} without {@code IF NOT EXISTS}: when the script fails half
 * way (or the tool stops before recording it), what ran has committed, and running the script again
 * fails on it. A concurrent index build also needs a {@code DROP INDEX CONCURRENTLY IF EXISTS}
 * before it, because a failed build leaves an invalid index that {@code IF NOT EXISTS} would keep.
 */
public final class MissingIfExists implements Rule {
  /** What {@code CREATE} makes that has an {@code IF NOT EXISTS} form, after its prefix words. */
  private static final List<List<String>> CREATE_KINDS =
      List.of(
          List.of("table"),
          List.of("index"),
          List.of("unique", "index"),
          List.of("schema"),
          List.of("sequence"),
          List.of("materialized", "view"),
          List.of("extension"),
          List.of("foreign", "table"),
          List.of("statistics"),
          List.of("collation"),
          List.of("server"));

  /** The first words of the kinds of object a {@code DROP} names with two words. */
  private static final Set<String> TWO_WORD_KINDS =
      Set.of("materialized", "foreign", "event", "access", "text", "user");

  private static final Set<String> TABLE_PREFIX =
      Set.of("global", "local", "temp", "temporary", "unlogged");

  @Override
  public String id() {
    return "missing-if-exists";
  }

  @Override
  public Severity severity() {
    return Severity.INFO;
  }

  @Override
  public String summary() {
    return "DROP without IF EXISTS or CREATE without IF NOT EXISTS where a failure half way"
        + " leaves the script half applied";
  }

  @Override
  public boolean checksDownScripts() {
    return false;
  }

  @Override
  public void check(LintStatement statement, LintContext context, RuleReport report) {
    if (context.inTransaction()) {
      return;
    }
    Tokens t = statement.tokens();
    String problem;
    if (t.startsWith("drop") && !t.matchesAt(1, "owned")) {
      problem = t.has("if", "exists") ? null : "DROP " + dropped(t) + " without IF EXISTS";
    } else if (t.startsWith("create")) {
      problem = create(t, statement, context);
    } else {
      problem = AlterTable.of(t).map(MissingIfExists::alterTable).orElse(null);
    }
    if (problem != null) {
      report.at(
          statement,
          problem
              + ": this script does not run as one transaction, so if it fails after this"
              + " statement (or the tool stops before recording it), this has committed and"
              + " running the script again fails here. Write it so that a second run passes over"
              + " what the first one did.");
    }
  }

  private static String create(Tokens t, LintStatement statement, LintContext context) {
    int i = 1;
    while (t.matchesAt(i, "or", "replace") || i < t.size() && TABLE_PREFIX.contains(word(t, i))) {
      i += t.matchesAt(i, "or", "replace") ? 2 : 1;
    }
    for (List<String> kind : CREATE_KINDS) {
      if (!t.matchesAt(i, kind.toArray(String[]::new))) {
        continue;
      }
      int after = i + kind.size();
      if (kind.contains("index") && t.matchesAt(after, "concurrently")) {
        return concurrentIndex(t, after + 1, statement, context);
      }
      return t.has("if", "not", "exists")
          ? null
          : "CREATE " + String.join(" ", kind).toUpperCase(Locale.ROOT) + " without IF NOT EXISTS";
    }
    return null;
  }

  /**
   * A concurrent build: it needs a name, {@code IF NOT EXISTS}, and, where the script can hold
   * another statement outside a transaction, an earlier {@code DROP INDEX ... IF EXISTS} of it.
   */
  private static String concurrentIndex(
      Tokens t, int name, LintStatement statement, LintContext context) {
    boolean ifNotExists = t.matchesAt(name, "if", "not", "exists");
    int at = t.skipIfNotExists(name);
    QualifiedName index = t.matchesAt(at, "on") ? null : t.nameAt(at);
    if (index == null) {
      return "CREATE INDEX CONCURRENTLY without a name, so a second run builds a second index; name"
          + " it, with IF NOT EXISTS, after DROP INDEX CONCURRENTLY IF EXISTS of that name";
    }
    if (context.script().mode() == TransactionMode.MULTI_STATEMENT_QUERY) {
      return null;
    }
    boolean dropped =
        context.earlierInScriptStartingWith("drop").stream()
            .anyMatch(s -> dropsIfExists(s.tokens(), index));
    if (ifNotExists && dropped) {
      return null;
    }
    return "CREATE INDEX CONCURRENTLY "
        + index
        + (ifNotExists ? "" : " without IF NOT EXISTS")
        + (ifNotExists || dropped ? "" : ", and")
        + (dropped ? "" : " with no DROP INDEX CONCURRENTLY IF EXISTS " + index + " before it")
        + " (a failed concurrent build leaves an INVALID index behind, which IF NOT EXISTS alone"
        + " would keep)";
  }

  private static boolean dropsIfExists(Tokens t, QualifiedName index) {
    if (!t.startsWith("drop", "index") || !t.has("if", "exists")) {
      return false;
    }
    int from = t.find(0, "if", "exists") + 2;
    return t.from(from).splitAtTopLevelCommas().stream()
        .anyMatch(part -> part.nameAt(0) != null && part.nameAt(0).sameAs(index));
  }

  private static String alterTable(AlterTable alter) {
    for (Tokens action : alter.actions()) {
      if (action.startsWith("add")
          && !action.matchesAt(1, "constraint")
          && !action.matchesAt(1, "primary")
          && !action.matchesAt(1, "unique")
          && !action.matchesAt(1, "check")
          && !action.matchesAt(1, "foreign")
          && !action.matchesAt(1, "exclude")
          && !action.matchesAt(action.matchesAt(1, "column") ? 2 : 1, "if", "not", "exists")) {
        return "ALTER TABLE " + alter.table() + " ADD COLUMN without IF NOT EXISTS";
      }
      if (action.startsWith("drop") && !action.has("if", "exists")) {
        String what = action.matchesAt(1, "constraint") ? "CONSTRAINT" : "COLUMN";
        return "ALTER TABLE " + alter.table() + " DROP " + what + " without IF EXISTS";
      }
    }
    return null;
  }

  private static String word(Tokens t, int i) {
    return t.get(i).isName() ? t.get(i).value() : "";
  }

  /** What a {@code DROP} drops, e.g. {@code INDEX} or {@code MATERIALIZED VIEW}. */
  private static String dropped(Tokens t) {
    String kind = t.size() > 1 ? word(t, 1) : "";
    if (TWO_WORD_KINDS.contains(kind) && t.size() > 2) {
      kind += " " + word(t, 2);
    }
    return kind.toUpperCase(Locale.ROOT);
  }
}
