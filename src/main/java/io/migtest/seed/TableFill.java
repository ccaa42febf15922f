package io.migtest.seed;

/**
 * How many rows seeding put into one table.
 *
 * @param table the qualified name ({@code public.orders})
 * @param reason why it holds fewer rows than asked for, or null when it got them all
 */
public record TableFill(String table, long rows, long requested, String reason) {
  public boolean complete() {
    return rows >= requested;
  }
}
