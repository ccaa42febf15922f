package io.migtest.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.db.ScratchDatabase;
import io.migtest.db.SharedServer;
import io.migtest.finding.Finding;
import io.migtest.lint.rules.Rules;
import io.migtest.sql.SqlParser;
import io.migtest.sql.SqlScript;
import io.migtest.sql.TransactionMode;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs one rule over SQL as the lint gate would over a new migration: without a database (the files
 * alone), or with {@code baseSql} applied first to a real PostgreSQL as the base state.
 */
public final class RuleTester {
  private RuleTester() {}

  /**
   * The findings of {@code rule} on {@code sql}, an up script run as one transaction, no database.
   */
  public static List<Finding> lint(Rule rule, String sql) {
    return lint(rule, BaseCatalog.NONE, sql, TransactionMode.SINGLE_TRANSACTION, false);
  }

  /** The same, with the tool running the file as {@code mode}. */
  public static List<Finding> lint(Rule rule, String sql, TransactionMode mode) {
    return lint(rule, BaseCatalog.NONE, sql, mode, false);
  }

  /**
   * The findings of {@code rule} on {@code sql}, an up script in a layout that pairs it with a down
   * script as {@code pairedDown} says, no database.
   */
  public static List<Finding> lint(Rule rule, String sql, LintScript.PairedDown pairedDown) {
    return lint(rule, BaseCatalog.NONE, sql, TransactionMode.SINGLE_TRANSACTION, false, pairedDown);
  }

  /** The findings of {@code rule} on {@code sql} as a down script, no database. */
  public static List<Finding> lintDown(Rule rule, String sql) {
    return lint(rule, BaseCatalog.NONE, sql, TransactionMode.SINGLE_TRANSACTION, true);
  }

  /** The findings on {@code sql} with {@code baseSql} applied first to a real database. */
  public static List<Finding> lintOnBase(Rule rule, String baseSql, String sql) {
    return lintOnBase(rule, baseSql, sql, TransactionMode.SINGLE_TRANSACTION);
  }

  /** The same, with the tool running the file as {@code mode}. */
  public static List<Finding> lintOnBase(
      Rule rule, String baseSql, String sql, TransactionMode mode) {
    try (ScratchDatabase db = SharedServer.get().createScratch("lint-test");
        Connection c = db.connect()) {
      c.createStatement().execute(baseSql);
      return lint(rule, CatalogSnapshot.read(c), sql, mode, false);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("the base SQL must run: " + e.getMessage(), e);
    }
  }

  private static List<Finding> lint(
      Rule rule, BaseCatalog catalog, String sql, TransactionMode mode, boolean down) {
    return lint(rule, catalog, sql, mode, down, LintScript.PairedDown.NOT_EXPECTED);
  }

  private static List<Finding> lint(
      Rule rule,
      BaseCatalog catalog,
      String sql,
      TransactionMode mode,
      boolean down,
      LintScript.PairedDown pairedDown) {
    try (SqlParser parser = new SqlParser(Duration.ofSeconds(10))) {
      LintScript script =
          Linter.script(
              SqlScript.of(down ? "V2__x.down.sql" : "V2__x.sql", sql, mode),
              down,
              s -> Optional.ofNullable(parser.parse(s).ast()),
              pairedDown);
      List<Finding> findings = new ArrayList<>();
      List<RuleSettings.Entry> onlyThisRule =
          Rules.ALL.stream()
              .filter(r -> !r.id().equals(rule.id()))
              .map(r -> new RuleSettings.Entry(r.id(), "off", "the test"))
              .toList();
      assertThat(Rules.byId(rule.id())).as("%s is in Rules.ALL", rule.id()).isPresent();
      new Linter(Rules.ALL, RuleSettings.of(onlyThisRule, Rules.ALL))
          .lint(script, new LintContext(catalog), findings);
      return findings;
    }
  }
}
