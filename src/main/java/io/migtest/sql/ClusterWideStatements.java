package io.migtest.sql;

import java.util.regex.Pattern;

/**
 * Whether a script may change what the whole server shares rather than one database: roles and
 * their memberships, tablespaces, databases, the server's configuration ({@code ALTER SYSTEM}).
 * Work that runs on several scratch databases of one server at once must not run such scripts side
 * by side, since one database's migration would see (or collide with) another's role. The text is
 * read as it is, string literals and {@code DO} blocks included, so a role created by dynamic SQL
 * is seen too; a false alarm only costs parallelism.
 */
public final class ClusterWideStatements {
  private static final Pattern CLUSTER_WIDE =
      Pattern.compile(
          "\\b(?:(?:CREATE|ALTER|DROP)\\s+(?:ROLE|USER|GROUP|TABLESPACE|DATABASE)\\b"
              + "|ALTER\\s+SYSTEM\\b|REASSIGN\\s+OWNED\\b"
              + "|COMMENT\\s+ON\\s+(?:ROLE|TABLESPACE|DATABASE)\\b"
              + "|(?:GRANT|REVOKE)\\s+(?:ADMIN\\s+OPTION\\s+FOR\\s+)?"
              + "(?:\"[^\"]*\"|[a-z_][a-z0-9_$]*)(?:\\s*,\\s*(?:\"[^\"]*\"|[a-z_][a-z0-9_$]*))*"
              + "\\s+(?:TO|FROM)\\b)",
          Pattern.CASE_INSENSITIVE);

  private ClusterWideStatements() {}

  /**
   * True when {@code text} has a statement that changes roles, role memberships ({@code GRANT role
   * TO role}), tablespaces, databases or the server's configuration.
   */
  public static boolean in(String text) {
    return CLUSTER_WIDE.matcher(text).find();
  }
}
