package io.migtest.migration;

import io.migtest.sql.SqlScript;

/**
 * One migration of a history.
 *
 * @param id what identifies the migration across branches (its version, a changeset id, a Sqitch
 *     change name), used to tell new migrations from ones the base branch has
 * @param down the rollback script, or null when the migration has none
 * @param repeatable a Flyway {@code R__} migration, run after the versioned ones when it changes
 * @param verify the script the tool runs right after deploying the migration ({@code sqitch deploy
 *     --verify}, Sqitch with {@code deploy.verify}), or null
 */
public record Migration(
    String id,
    Version version,
    String description,
    SqlScript up,
    SqlScript down,
    boolean repeatable,
    SqlScript verify) {

  /** A migration without a verify script (every layout but Sqitch). */
  public Migration(
      String id,
      Version version,
      String description,
      SqlScript up,
      SqlScript down,
      boolean repeatable) {
    this(id, version, description, up, down, repeatable, null);
  }

  /** The file of the up script, relative to the project root. */
  public String file() {
    return up.file();
  }

  /**
   * Whether the migration has a down script with statements: an empty one undoes nothing on purpose
   * or by omission, which the lint gate's {@code missing-down} reports once.
   */
  public boolean hasDownStatements() {
    return down != null && !down.split().statements().isEmpty();
  }

  /** The same migration with another up script (a mutant of it). */
  public Migration withUp(SqlScript newUp) {
    return new Migration(id, version, description, newUp, down, repeatable, verify);
  }

  /** The file of the down script, or null. */
  public String downFile() {
    return down == null ? null : down.file();
  }
}
