package io.migtest.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A script's own transaction blocks ({@code BEGIN; ... COMMIT;}, as Sqitch wraps each change) as
 * they run inside a transaction that is already open: {@code BEGIN} becomes a savepoint, {@code
 * COMMIT} its release after the checks a COMMIT makes ({@link #DEFERRED_CHECK}) and {@code
 * ROLLBACK} a rollback to it, so the script's work stays inside the open transaction and a block
 * rolled back still undoes its own statements. Only for the plain shape: blocks one after another,
 * none nested, and no prepared transaction or chain; the last may be left open, which psql rolls
 * back when the file ends.
 */
public final class TransactionBlocks {
  /** The savepoint a block becomes. */
  public static final String SAVEPOINT = "migtest_block";

  /**
   * What a COMMIT checks, without ending the open transaction: the deferred constraints and
   * constraint triggers run ({@code SET CONSTRAINTS ALL IMMEDIATE}), failing as the COMMIT would,
   * behind a savepoint that then puts their mode back as the next transaction finds it.
   */
  public static final String DEFERRED_CHECK =
      "SAVEPOINT migtest_commit; SET CONSTRAINTS ALL IMMEDIATE;"
          + " ROLLBACK TO SAVEPOINT migtest_commit; RELEASE SAVEPOINT migtest_commit";

  private static final Pattern BEGIN =
      Pattern.compile("^(BEGIN|START TRANSACTION)\\b(?! ATOMIC).*$");
  private static final Pattern COMMIT = Pattern.compile("^(COMMIT|END)( WORK| TRANSACTION)?;?$");
  private static final Pattern ROLLBACK =
      Pattern.compile("^(ROLLBACK|ABORT)( WORK| TRANSACTION)?;?$");
  private static final Pattern TO_SAVEPOINT =
      Pattern.compile("^ROLLBACK( WORK| TRANSACTION)? TO\\b.*$");

  private TransactionBlocks() {}

  /**
   * A script's statements with its blocks as savepoints.
   *
   * @param sql the text of each statement, in order
   * @param inBlock for each statement, whether a block's savepoint is there when it runs
   * @param unendedBegin the index of the statement that opens a block the script never ends, or -1
   */
  public record Savepoints(List<String> sql, List<Boolean> inBlock, int unendedBegin) {
    /** Whether the last block is never ended. */
    public boolean leftOpen() {
      return unendedBegin >= 0;
    }
  }

  /**
   * The text of each of {@code statements} with the script's blocks as savepoints, or empty when
   * its transaction control has another shape (then it cannot run inside an open transaction).
   */
  public static Optional<Savepoints> asSavepoints(List<Statement> statements) {
    List<String> out = new ArrayList<>(statements.size());
    List<Boolean> inBlock = new ArrayList<>(statements.size());
    int begin = -1;
    for (int i = 0; i < statements.size(); i++) {
      Statement statement = statements.get(i);
      boolean open = begin >= 0;
      inBlock.add(open);
      if (!NonTransactionalStatements.isTransactionControl(statement)) {
        out.add(statement.sql());
        continue;
      }
      String words =
          NonTransactionalStatements.withoutComments(statement.sql())
              .strip()
              .replaceAll("\\s+", " ")
              .toUpperCase(Locale.ROOT);
      if (TO_SAVEPOINT.matcher(words).matches() && open) {
        out.add(statement.sql());
      } else if (BEGIN.matcher(words).matches() && !open) {
        begin = i;
        out.add("SAVEPOINT " + SAVEPOINT);
      } else if (COMMIT.matcher(words).matches() && open) {
        begin = -1;
        out.add(DEFERRED_CHECK + "; RELEASE SAVEPOINT " + SAVEPOINT);
      } else if (ROLLBACK.matcher(words).matches() && open) {
        begin = -1;
        out.add("ROLLBACK TO SAVEPOINT " + SAVEPOINT);
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(new Savepoints(List.copyOf(out), List.copyOf(inBlock), begin));
  }
}
