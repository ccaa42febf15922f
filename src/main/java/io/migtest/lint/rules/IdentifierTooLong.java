package io.migtest.lint.rules;

import io.migtest.finding.Severity;
import io.migtest.lint.ColumnDefinition;
import io.migtest.lint.LintContext;
import io.migtest.lint.LintStatement;
import io.migtest.lint.QualifiedName;
import io.migtest.lint.Rule;
import io.migtest.lint.RuleReport;
import io.migtest.lint.SqlTokens.Token;
import io.migtest.lint.Tokens;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A name created or given by a rename that is longer than 63 bytes: PostgreSQL cuts it to 63 bytes
 * with only a NOTICE, so names sharing their first 63 bytes collide and tools comparing the name as
 * written with the catalog do not find it. Looks at the object a {@code CREATE} makes, the columns
 * and constraints it defines, and the new name of a {@code RENAME ... TO}.
 */
public final class IdentifierTooLong implements Rule {
  /** {@code NAMEDATALEN - 1}. */
  private static final int MAX_BYTES = 63;

  /** The words between {@code CREATE} and the name of what it creates. */
  private static final Set<String> CREATE_WORDS =
      Set.of(
          "or",
          "replace",
          "temp",
          "temporary",
          "unlogged",
          "global",
          "local",
          "recursive",
          "unique",
          "concurrently",
          "if",
          "not",
          "exists",
          "materialized",
          "foreign",
          "event",
          "constraint",
          "trusted",
          "procedural",
          "default",
          "table",
          "index",
          "view",
          "sequence",
          "schema",
          "type",
          "domain",
          "function",
          "procedure",
          "trigger",
          "aggregate",
          "collation",
          "conversion",
          "statistics",
          "policy",
          "rule",
          "role",
          "user",
          "group",
          "publication",
          "subscription",
          "server",
          "language",
          "text",
          "search",
          "configuration",
          "dictionary",
          "parser",
          "template",
          "operator",
          "class",
          "family",
          "tablespace",
          "database",
          "extension",
          "access",
          "method",
          "data",
          "wrapper");

  /** The words before {@code CONSTRAINT} when it names an existing constraint. */
  private static final Set<String> CONSTRAINT_REFERENCES =
      Set.of("drop", "validate", "rename", "alter", "on", "set");

  @Override
  public String id() {
    return "identifier-too-long";
  }

  @Override
  public Severity severity() {
    return Severity.WARNING;
  }

  @Override
  public String summary() {
    return "A name longer than 63 bytes, which PostgreSQL silently truncates";
  }

  @Override
  public boolean checksDownScripts() {
    return false;
  }

  @Override
  public void check(LintStatement statement, LintContext context, RuleReport report) {
    Tokens t = statement.tokens();
    Set<String> names = new LinkedHashSet<>();
    if (t.startsWith("create")) {
      int i = 1;
      while (i < t.size() && t.get(i).isName() && CREATE_WORDS.contains(t.get(i).value())) {
        i++;
      }
      QualifiedName created = t.nameAt(i);
      if (created != null) {
        names.add(created.name());
      }
    }
    for (ColumnDefinition column : ColumnDefinition.of(t)) {
      if (column.source() != ColumnDefinition.Source.ALTER_TYPE) {
        names.add(column.name());
      }
    }
    boolean rename = t.has("rename");
    for (int i = 1; i + 1 < t.size(); i++) {
      Token before = t.get(i - 1);
      boolean constraint =
          t.matchesAt(i, "constraint") && !CONSTRAINT_REFERENCES.contains(before.value());
      if ((constraint || rename && t.matchesAt(i, "to")) && t.get(i + 1).isName()) {
        names.add(t.get(i + 1).value());
      }
    }
    for (String name : names) {
      int bytes = name.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > MAX_BYTES) {
        report.at(
            statement,
            "The name "
                + name
                + " is "
                + bytes
                + " bytes long: PostgreSQL keeps only its first "
                + MAX_BYTES
                + " bytes ("
                + truncated(name)
                + ") and says so only in a NOTICE, so another name with the same beginning"
                + " collides with it, and tools that look it up as written do not find it."
                + " Shorten it to at most "
                + MAX_BYTES
                + " bytes.");
      }
    }
  }

  /** The name as PostgreSQL stores it: whole characters up to 63 bytes. */
  private static String truncated(String name) {
    StringBuilder kept = new StringBuilder();
    int bytes = 0;
    for (int cp : name.codePoints().toArray()) {
      String c = new String(Character.toChars(cp));
      bytes += c.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > MAX_BYTES) {
        break;
      }
      kept.append(c);
    }
    return kept.toString();
  }
}
