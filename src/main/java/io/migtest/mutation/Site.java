package io.migtest.mutation;

import java.util.Optional;
import java.util.function.Supplier;
import net.sf.jsqlparser.statement.Statement;

/**
 * A statement operators may mutate: its text and a fresh AST for each mutation, since operators
 * change the AST in place.
 *
 * @param sql the statement as written
 * @param part whether it belongs to an up or a down script
 * @param parse parses {@code sql} again, giving a new AST each call, or null when it does not parse
 */
public record Site(String sql, Part part, Supplier<Statement> parse) {

  /** A new AST of the statement, or empty when JSqlParser cannot parse it. */
  public Optional<Statement> freshAst() {
    return Optional.ofNullable(parse.get());
  }
}
