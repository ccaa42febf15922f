package io.migtest.sql;

/**
 * A statement with its JSqlParser AST when it parsed.
 *
 * @param ast the parsed statement, or null when JSqlParser could not parse it in time
 * @param parseFailure why it did not parse, or null when it did
 */
public record ParsedStatement(
    Statement statement, net.sf.jsqlparser.statement.Statement ast, String parseFailure) {

  public boolean parsed() {
    return ast != null;
  }
}
