package io.migtest.lint;

import io.migtest.sql.TransactionMode;
import java.util.List;

/**
 * A script of the pull request as lint sees it.
 *
 * @param file the path relative to the project
 * @param down whether it is a rollback (down, revert, undo) script
 * @param mode how the layout's tool wraps it in transactions
 * @param text the whole text, for suppression comments
 * @param firstLine the line of the file that the text's first line is
 * @param pairedDown for an up script, what the layout pairs with it
 */
public record LintScript(
    String file,
    boolean down,
    TransactionMode mode,
    String text,
    int firstLine,
    List<LintStatement> statements,
    PairedDown pairedDown) {

  /**
   * The down script of an up script, as far as the layout expects one: layouts whose tool keeps a
   * rollback beside every migration (golang-migrate, dbmate, diesel, Sqitch) expect it; the others
   * do not, and a down script itself has none.
   */
  public enum PairedDown {
    NOT_EXPECTED,
    WRITTEN,
    EMPTY,
    MISSING
  }

  /** A script for which the layout expects no down script. */
  public LintScript(
      String file,
      boolean down,
      TransactionMode mode,
      String text,
      int firstLine,
      List<LintStatement> statements) {
    this(file, down, mode, text, firstLine, statements, PairedDown.NOT_EXPECTED);
  }

  /** Whether the tool runs the whole file as one transaction. */
  public boolean wrappedInTransaction() {
    return mode == TransactionMode.SINGLE_TRANSACTION
        || (mode == TransactionMode.MULTI_STATEMENT_QUERY && statements.size() > 1);
  }
}
