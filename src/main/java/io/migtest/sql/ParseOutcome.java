package io.migtest.sql;

/**
 * Whether JSqlParser parses a statement, and why not when it does not: the part of a parse that the
 * cache keeps (an AST cannot be stored; it is rebuilt when a check asks for it).
 *
 * @param failure why the statement did not parse, or null when it did
 */
public record ParseOutcome(String failure) {
  public static final ParseOutcome PARSED = new ParseOutcome(null);

  public boolean parsed() {
    return failure == null;
  }
}
