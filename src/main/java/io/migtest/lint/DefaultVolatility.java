package io.migtest.lint;

import io.migtest.lint.BaseCatalog.Volatility;
import io.migtest.lint.SqlTokens.Kind;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a column default calls a volatile function. Since PostgreSQL 11 a new column with a
 * non-volatile default is only recorded in the catalog, while a volatile one is computed for every
 * row, which rewrites the table. The functions are looked up as the pull request declares them,
 * then in the base catalog ({@code pg_proc.provolatile}); without either, in a short list of
 * well-known built-ins, and any other function cannot be verified.
 *
 * @param function the volatile or unknown function, or null
 */
public record DefaultVolatility(Verdict verdict, String function) {
  /** What the default's function calls amount to. */
  public enum Verdict {
    /** Constants and stable or immutable calls only: computed once. */
    NOT_VOLATILE,
    /** A volatile call: computed for every row. */
    VOLATILE,
    /** A function neither the pull request nor the catalog (nor the built-in list) knows. */
    UNKNOWN
  }

  /** Volatile built-ins for lint without a database, pgcrypto's and uuid-ossp's included. */
  private static final Set<String> VOLATILE_BUILT_INS =
      Set.of(
          "random",
          "random_normal",
          "clock_timestamp",
          "timeofday",
          "gen_random_uuid",
          "uuid_generate_v1",
          "uuid_generate_v1mc",
          "uuid_generate_v4",
          "nextval",
          "currval",
          "setval");

  /** Stable or immutable built-ins often seen in defaults. */
  private static final Set<String> STEADY_BUILT_INS =
      Set.of(
          "now",
          "statement_timestamp",
          "transaction_timestamp",
          "current_setting",
          "current_database",
          "current_schema",
          "timezone",
          "date_trunc",
          "date_part",
          "make_interval",
          "to_timestamp",
          "to_char",
          "to_jsonb",
          "json_build_object",
          "jsonb_build_object",
          "json_build_array",
          "jsonb_build_array",
          "array_fill",
          "lower",
          "upper",
          "concat",
          "md5",
          "length",
          "replace",
          "left",
          "right",
          "abs",
          "floor",
          "round",
          "txid_current",
          "pg_current_xact_id",
          "uuid_nil",
          "uuid_generate_v3",
          "uuid_generate_v5");

  /** Keywords that a parenthesis may follow without making a function call. */
  private static final Set<String> NOT_CALLS =
      Set.of(
          "cast",
          "coalesce",
          "nullif",
          "greatest",
          "least",
          "row",
          "array",
          "exists",
          "extract",
          "position",
          "substring",
          "overlay",
          "trim",
          "treat",
          "normalize",
          "current_timestamp",
          "current_time",
          "localtime",
          "localtimestamp",
          "and",
          "or",
          "not",
          "in",
          "is",
          "any",
          "all",
          "some",
          "case",
          "when",
          "then",
          "else",
          "as",
          "values",
          "between",
          "like",
          "ilike",
          "similar",
          "distinct",
          "interval",
          "xmlelement",
          "xmlforest",
          "xmlconcat",
          "xmlparse",
          "xmlpi",
          "xmlroot",
          "xmlserialize",
          "xmlexists");

  /** The verdict on the function calls in {@code expression}. */
  public static DefaultVolatility of(Tokens expression, LintContext context) {
    String unknown = null;
    for (int i = 0; i < expression.size(); i++) {
      QualifiedName name = call(expression, i);
      if (name == null) {
        continue;
      }
      Optional<Volatility> known = context.functionVolatility(name);
      boolean volatileCall =
          known.map(v -> v == Volatility.VOLATILE).orElse(VOLATILE_BUILT_INS.contains(name.name()));
      if (volatileCall) {
        return new DefaultVolatility(Verdict.VOLATILE, name.toString());
      }
      if (known.isEmpty() && !STEADY_BUILT_INS.contains(name.name()) && unknown == null) {
        unknown = name.toString();
      }
      i = expression.afterName(i) - 1;
    }
    return unknown == null
        ? new DefaultVolatility(Verdict.NOT_VOLATILE, null)
        : new DefaultVolatility(Verdict.UNKNOWN, unknown);
  }

  /** The function called at {@code i} ({@code name(} or {@code schema.name(}), or null. */
  private static QualifiedName call(Tokens t, int i) {
    QualifiedName name = t.nameAt(i);
    if (name == null
        || !t.matchesAt(t.afterName(i), "(")
        || i > 0 && (t.matchesAt(i - 1, "::") || t.matchesAt(i - 1, "as"))
        || i > 0 && t.matchesAt(i - 1, ".")
        || name.schema() == null
            && t.get(i).kind() == Kind.WORD
            && NOT_CALLS.contains(name.name())) {
      return null;
    }
    return name;
  }
}
