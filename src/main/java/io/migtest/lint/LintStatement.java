package io.migtest.lint;

import io.migtest.sql.Statement;
import java.util.Optional;
import java.util.function.Function;

/**
 * One statement of a linted script: its text and lines, its tokens, and its JSqlParser AST when a
 * rule asks for it (parsed ahead on other threads; most rules need only the tokens).
 *
 * @param index its position in the script, from 0
 */
public record LintStatement(
    Statement statement,
    Tokens tokens,
    int index,
    Function<Statement, Optional<net.sf.jsqlparser.statement.Statement>> parser) {

  /** The AST, or empty when JSqlParser does not parse the statement. */
  public Optional<net.sf.jsqlparser.statement.Statement> ast() {
    return parser.apply(statement);
  }

  public int line() {
    return statement.startLine();
  }

  public int endLine() {
    return statement.endLine();
  }
}
