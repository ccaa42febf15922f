package io.migtest.lint;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code ALTER COLUMN ... TYPE} does to a table's files, predicted from the old and the new
 * type. PostgreSQL keeps the rows when the old type is binary-coercible to the new one (or a domain
 * over it) and a length, precision or scale only grows; it still rebuilds the column's indexes when
 * the sort order may differ. The cases follow ALTER TABLE's notes and were measured on PostgreSQL
 * 15 (relfilenode of the table and its indexes before and after); anything not known to keep the
 * rows is taken to rewrite them.
 */
public final class TypeChange {
  /** What happens to the table and its indexes. */
  public enum Effect {
    /** Only the catalog changes. */
    NONE,
    /** The rows stay, but the indexes on the column are rebuilt. */
    INDEXES_REBUILT,
    /**
     * {@code timestamp} to {@code timestamptz} or back: the rows stay only when the session's
     * TimeZone is UTC (PostgreSQL 12 and later); the indexes are rebuilt either way.
     */
    REWRITE_UNLESS_UTC,
    /** The table and all its indexes are written anew. */
    REWRITE
  }

  private static final Set<String> LENGTH_TYPES = Set.of("character varying", "bit varying");
  private static final Set<String> PRECISION_TYPES =
      Set.of(
          "timestamp without time zone",
          "timestamp with time zone",
          "time without time zone",
          "time with time zone",
          "interval");
  private static final Set<String> TIMESTAMPS =
      Set.of("timestamp without time zone", "timestamp with time zone");
  private static final Set<String> TEXTS = Set.of("text", "character varying");
  private static final Set<String> OID_LIKE =
      Set.of(
          "integer",
          "oid",
          "regclass",
          "regproc",
          "regprocedure",
          "regoper",
          "regoperator",
          "regtype",
          "regconfig",
          "regdictionary",
          "regrole",
          "regnamespace",
          "regcollation");
  private static final int MAX_TIME_PRECISION = 6;
  private static final int MAX_DOMAIN_DEPTH = 10;

  private TypeChange() {}

  /**
   * What an {@code ALTER COLUMN ... TYPE} does to its table, whose old column type the catalog
   * gives: a {@code USING} always rewrites, and a {@code COLLATE} on a change that keeps the rows
   * rebuilds the indexes. Empty when the catalog does not know the column (no database, or a column
   * the pull request renamed).
   *
   * @param retype a definition of {@link ColumnDefinition.Source#ALTER_TYPE}
   */
  public static Optional<Effect> of(ColumnDefinition retype, BaseCatalog catalog) {
    if (retype.using()) {
      return Optional.of(Effect.REWRITE);
    }
    return catalog
        .column(retype.table(), retype.name())
        .map(old -> of(ColumnType.parse(old.type()), retype.type(), catalog))
        .map(e -> e == Effect.NONE && retype.collate() ? Effect.INDEXES_REBUILT : e);
  }

  /**
   * What changing a column from {@code old} to {@code next} does; domains resolve in {@code
   * catalog}.
   */
  public static Effect of(ColumnType old, ColumnType next, BaseCatalog catalog) {
    if (old.sameAs(next)) {
      return Effect.NONE;
    }
    ColumnType from = overDomains(old, catalog);
    ColumnType to = next;
    for (int i = 0; i < MAX_DOMAIN_DEPTH && !to.array(); i++) {
      var domain = catalog.domain(to.qualifiedName());
      if (domain.isEmpty()) {
        break;
      }
      if (domain.get().constrained()) {
        return Effect.REWRITE;
      }
      to = ColumnType.parse(domain.get().baseType());
    }
    return classify(from, to);
  }

  private static ColumnType overDomains(ColumnType type, BaseCatalog catalog) {
    ColumnType base = type;
    for (int i = 0; i < MAX_DOMAIN_DEPTH && !base.array(); i++) {
      var domain = catalog.domain(base.qualifiedName());
      if (domain.isEmpty()) {
        break;
      }
      base = ColumnType.parse(domain.get().baseType());
    }
    return base;
  }

  private static Effect classify(ColumnType from, ColumnType to) {
    if (from.sameAs(to)) {
      return Effect.NONE;
    }
    if (from.array() || to.array()) {
      return Effect.REWRITE;
    }
    String a = from.name();
    String b = to.name();
    if (a.equals(b)) {
      return grows(a, from.modifiers(), to.modifiers()) ? Effect.NONE : Effect.REWRITE;
    }
    if (b.equals("text") && TEXTS.contains(a)
        || a.equals("text") && b.equals("character varying") && to.modifiers().isEmpty()
        || a.equals("cidr") && b.equals("inet")) {
      return Effect.NONE;
    }
    if (TEXTS.contains(a) && b.equals("citext")
        || a.equals("citext") && TEXTS.contains(b) && to.modifiers().isEmpty()) {
      return Effect.INDEXES_REBUILT;
    }
    if (OID_LIKE.contains(a)
        && OID_LIKE.contains(b)
        && (Set.of("integer", "oid").contains(a) || Set.of("integer", "oid").contains(b))) {
      return Effect.INDEXES_REBUILT;
    }
    if (TIMESTAMPS.contains(a) && TIMESTAMPS.contains(b)) {
      return grows(a, from.modifiers(), to.modifiers())
          ? Effect.REWRITE_UNLESS_UTC
          : Effect.REWRITE;
    }
    return Effect.REWRITE;
  }

  /** Whether the modifiers of a {@code type} only relax: a longer length, a larger precision. */
  private static boolean grows(String type, List<Integer> from, List<Integer> to) {
    if (LENGTH_TYPES.contains(type)) {
      return to.isEmpty() || !from.isEmpty() && to.get(0) >= from.get(0);
    }
    if (type.equals("numeric")) {
      return to.isEmpty()
          || from.size() == 2
              && to.size() == 2
              && to.get(1).equals(from.get(1))
              && to.get(0) >= from.get(0);
    }
    if (PRECISION_TYPES.contains(type)) {
      return to.isEmpty()
          || to.get(0) >= MAX_TIME_PRECISION
          || !from.isEmpty() && to.get(0) >= from.get(0);
    }
    return false;
  }
}
