package io.migtest.lint;

import java.util.Set;

/**
 * A name as SQL a finding suggests must write it: quoted when PostgreSQL would not read it bare.
 */
public final class SqlIdentifier {
  /**
   * PostgreSQL's keywords that cannot name a column unquoted: the reserved ones and those reserved
   * but usable as a function or type name (PostgreSQL 17, Appendix C).
   */
  private static final Set<String> RESERVED =
      Set.of(
          ("all analyse analyze and any array as asc asymmetric authorization binary both"
                  + " case cast check collate collation column concurrently constraint create cross"
                  + " current_catalog current_date current_role current_schema current_time"
                  + " current_timestamp current_user default deferrable desc distinct do else end"
                  + " except false fetch for foreign freeze from full grant group having ilike in"
                  + " initially inner intersect into is isnull join lateral leading left like limit"
                  + " localtime localtimestamp natural not notnull null offset on only or order"
                  + " outer overlaps placing primary references returning right select session_user"
                  + " similar some symmetric system_user table tablesample then to trailing true"
                  + " union unique user using variadic verbose when where window with")
              .split(" "));

  private SqlIdentifier() {}

  /** {@code name} as it must be written: bare when it reads back the same, else in quotes. */
  public static String of(String name) {
    boolean bare = name.matches("[a-z_][a-z0-9_$]*") && !RESERVED.contains(name);
    return bare ? name : '"' + name.replace("\"", "\"\"") + '"';
  }
}
