package io.migtest.mutation;

import java.util.Set;

/**
 * One mutant of a new migration: one operator's change at one place of one statement.
 *
 * @param id stable across runs and machines: a hash of the file, the statement's place and text,
 *     the operator and the replacement (sharding and state files key on it)
 * @param migration the index of the migration among the new ones, in order
 * @param file the mutated script, relative to the project
 * @param line the line of the mutated statement in that file
 * @param endLine the line the statement ends on
 * @param endColumn the column just after the statement's last character (1-based)
 * @param statement the index of the statement in its script
 * @param original the statement as written
 * @param mutation the change and the mutated statement
 * @param tables the tables the statement acts on (unqualified, lower case), empty when not known
 * @param excerpt where the mutant differs from the statement, for reports
 * @param reprint the statement re-printed from its AST, unchanged: what a re-printed mutant must
 *     build when its change is undone (the re-print guard); null when the statement did not parse
 */
public record Mutant(
    String id,
    Operator operator,
    int migration,
    Part part,
    String file,
    int line,
    int endLine,
    int endColumn,
    int statement,
    String original,
    Mutation mutation,
    Set<String> tables,
    Excerpt excerpt,
    String reprint) {

  /** The mutated statement as a report shows it: empty text means the statement is deleted. */
  public String mutated() {
    return mutation.removesStatement() ? "" : mutation.sql();
  }
}
