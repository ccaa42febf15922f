package io.migtest.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A column a statement defines or retypes: a column of {@code CREATE TABLE}, an {@code ALTER TABLE
 * ... ADD [COLUMN]}, or an {@code ALTER [COLUMN] ... [SET DATA] TYPE}. Read from the tokens,
 * because JSqlParser does not parse {@code SET DATA TYPE} nor several constraint forms, and the
 * rules must also read a column when another action of the same statement defeats the parser; the
 * rules about types, keys, names, defaults and rewrites share this one reading.
 *
 * @param table the table, as the statement names it
 * @param name the column's name
 * @param type the type, normalised
 * @param source which kind of statement defines it
 * @param constraints what follows the type: {@code NOT NULL}, {@code DEFAULT ...}, {@code
 *     REFERENCES ...}, {@code GENERATED ...}; for a retype, {@code COLLATE} and {@code USING}
 * @param defaultExpression the tokens after {@code DEFAULT}, if the column has one
 * @param generated the column's {@code GENERATED} clause
 * @param notNull whether the column says {@code NOT NULL}
 * @param unique whether the column says {@code UNIQUE}
 * @param primaryKey whether the column is the table's primary key on its own: {@code PRIMARY KEY}
 *     after its type, or a one-column {@code PRIMARY KEY (c)} of the same {@code CREATE TABLE}
 * @param line the line the column's name is on
 */
public record ColumnDefinition(
    QualifiedName table,
    String name,
    ColumnType type,
    Source source,
    Tokens constraints,
    Optional<Tokens> defaultExpression,
    Generated generated,
    boolean notNull,
    boolean unique,
    boolean primaryKey,
    int line) {

  /** Where a column definition comes from. */
  public enum Source {
    CREATE_TABLE,
    ADD_COLUMN,
    ALTER_TYPE
  }

  /** What a column's {@code GENERATED} clause makes it. */
  public enum Generated {
    /** No {@code GENERATED} clause. */
    NONE,
    /** {@code GENERATED ... AS IDENTITY}. */
    IDENTITY,
    /** {@code GENERATED ALWAYS AS (...) STORED}: computed for every row when written. */
    STORED,
    /** {@code GENERATED ALWAYS AS (...) [VIRTUAL]}: computed when read. */
    VIRTUAL
  }

  /** The words that start a table constraint or {@code LIKE} in a table's element list. */
  static final Set<String> TABLE_ELEMENTS =
      Set.of("constraint", "primary", "unique", "check", "foreign", "exclude", "like");

  /** The words that end a column's type or a default: a column constraint or option. */
  private static final Set<String> CONSTRAINT_WORDS =
      Set.of(
          "constraint",
          "not",
          "null",
          "default",
          "primary",
          "unique",
          "check",
          "references",
          "generated",
          "collate",
          "compression",
          "storage",
          "using",
          "deferrable",
          "initially");

  /** The column definitions of {@code t}, in order; empty for other statements. */
  public static List<ColumnDefinition> of(Tokens t) {
    return t.derived(ColumnDefinition.class, ColumnDefinition::read);
  }

  private static List<ColumnDefinition> read(Tokens t) {
    List<ColumnDefinition> columns = new ArrayList<>();
    var alter = AlterTable.of(t);
    if (alter.isPresent()) {
      QualifiedName table = alter.get().table();
      for (Tokens action : alter.get().actions()) {
        added(table, action).or(() -> retyped(table, action)).ifPresent(columns::add);
      }
      return List.copyOf(columns);
    }
    int table = createTable(t);
    if (table < 0) {
      return List.copyOf(columns);
    }
    QualifiedName name = t.nameAt(table);
    int open = t.afterName(table);
    if (name == null || !t.matchesAt(open, "(")) {
      return List.copyOf(columns);
    }
    List<Tokens> elements = t.slice(open + 1, t.closing(open)).splitAtTopLevelCommas();
    Optional<String> tableKey = soleKeyColumn(elements);
    for (Tokens element : elements) {
      if (!startsColumn(element, 0)) {
        continue;
      }
      ColumnDefinition column = column(name, element, 0, Source.CREATE_TABLE);
      if (column != null) {
        boolean soleKey = tableKey.filter(column.name()::equals).isPresent();
        columns.add(soleKey ? column.asPrimaryKey() : column);
      }
    }
    return List.copyOf(columns);
  }

  /** The column an {@code ADD [COLUMN] [IF NOT EXISTS] c type ...} action adds, if it is one. */
  public static Optional<ColumnDefinition> added(QualifiedName table, Tokens action) {
    if (!action.startsWith("add")) {
      return Optional.empty();
    }
    int name = action.skipIfNotExists(action.matchesAt(1, "column") ? 2 : 1);
    return startsColumn(action, name)
        ? Optional.ofNullable(column(table, action, name, Source.ADD_COLUMN))
        : Optional.empty();
  }

  /**
   * The column an {@code ALTER [COLUMN] c [SET DATA] TYPE type [COLLATE ...] [USING ...]} action
   * retypes, if it is one.
   */
  public static Optional<ColumnDefinition> retyped(QualifiedName table, Tokens action) {
    String altered = AlterTable.alteredColumn(action);
    int after = action.matchesAt(1, "column") ? 3 : 2;
    int type =
        action.matchesAt(after, "set", "data", "type")
            ? after + 2
            : action.matchesAt(after, "type") ? after : -1;
    if (altered == null || type < 0) {
      return Optional.empty();
    }
    Tokens rest = action.from(type + 1);
    int end = nextConstraintWord(rest, 0);
    return Optional.of(
        new ColumnDefinition(
            table,
            altered,
            ColumnType.of(rest.slice(0, end)),
            Source.ALTER_TYPE,
            rest.from(end),
            Optional.empty(),
            Generated.NONE,
            false,
            false,
            false,
            action.line()));
  }

  /**
   * The column of an {@code ALTER TABLE} action {@code ADD [CONSTRAINT n] PRIMARY KEY (c)} that
   * makes one column the key (as pg_dump writes keys), or empty for other actions.
   */
  public static Optional<String> addedPrimaryKey(Tokens action) {
    int key = action.matchesAt(1, "constraint") ? 3 : 1;
    if (!action.startsWith("add") || !action.matchesAt(key, "primary", "key", "(")) {
      return Optional.empty();
    }
    List<Tokens> columns = action.slice(key + 3, action.closing(key + 2)).splitAtTopLevelCommas();
    return columns.size() == 1 && !columns.get(0).isEmpty() && columns.get(0).get(0).isName()
        ? Optional.of(columns.get(0).get(0).value())
        : Optional.empty();
  }

  /**
   * The column of an {@code ALTER TABLE} action {@code ALTER [COLUMN] c ADD GENERATED ... AS
   * IDENTITY} (as pg_dump writes identity columns), or empty for other actions.
   */
  public static Optional<String> addedIdentity(Tokens action) {
    String column = AlterTable.alteredColumn(action);
    return column != null && action.has("add", "generated") && action.has("as", "identity")
        ? Optional.of(column)
        : Optional.empty();
  }

  /** Whether the column is an identity column ({@code GENERATED ... AS IDENTITY}). */
  public boolean identity() {
    return generated == Generated.IDENTITY;
  }

  /** Whether the column is a stored generated column ({@code GENERATED ... AS (...) STORED}). */
  public boolean generatedStored() {
    return generated == Generated.STORED;
  }

  /** Whether a retype says {@code USING}, which computes every row's value anew. */
  public boolean using() {
    return constraints.has("using");
  }

  /** Whether the definition names a collation ({@code COLLATE}). */
  public boolean collate() {
    return constraints.has("collate");
  }

  /** The table and column the column's own {@code REFERENCES} names, if it has one. */
  public Optional<ForeignKey> reference() {
    int references = constraints.find(0, "references");
    return references < 0
        ? Optional.empty()
        : ForeignKey.target(table, List.of(name), constraints, references + 1);
  }

  private ColumnDefinition asPrimaryKey() {
    return new ColumnDefinition(
        table,
        name,
        type,
        source,
        constraints,
        defaultExpression,
        generated,
        notNull,
        unique,
        true,
        line);
  }

  /** Whether a column's name, not a table constraint or {@code LIKE}, is at {@code i}. */
  private static boolean startsColumn(Tokens element, int i) {
    return i < element.size()
        && element.get(i).isName()
        && !(element.get(i).kind() == SqlTokens.Kind.WORD
            && TABLE_ELEMENTS.contains(element.get(i).value()));
  }

  /** The one column a {@code PRIMARY KEY (c)} element of the table's elements names, if any. */
  private static Optional<String> soleKeyColumn(List<Tokens> elements) {
    List<String> key = new ArrayList<>();
    for (Tokens element : elements) {
      int at = element.startsWith("constraint") ? 2 : 0;
      if (element.matchesAt(at, "primary", "key", "(")) {
        int from = at + 3;
        element.slice(from, element.closing(from - 1)).splitAtTopLevelCommas().stream()
            .filter(c -> !c.isEmpty())
            .forEach(c -> key.add(c.get(0).value()));
      }
    }
    return key.size() == 1 ? Optional.of(key.get(0)) : Optional.empty();
  }

  /** The column whose name is at {@code i} of {@code element}, or null when no type follows. */
  private static ColumnDefinition column(
      QualifiedName table, Tokens element, int i, Source source) {
    Tokens rest = element.from(i + 1);
    int end = nextConstraintWord(rest, 0);
    if (end == 0) {
      return null;
    }
    Tokens constraints = rest.from(end);
    Tokens defaultExpression = null;
    Generated generated = Generated.NONE;
    boolean notNull = false;
    boolean unique = false;
    boolean primaryKey = false;
    for (int k = 0; k < constraints.size(); k++) {
      if (constraints.matchesAt(k, "(")) {
        k = constraints.closing(k);
      } else if (constraints.matchesAt(k, "default")) {
        int start = k + 1;
        int stop =
            nextConstraintWord(
                constraints, constraints.matchesAt(start, "null") ? start + 1 : start);
        defaultExpression = constraints.slice(start, stop);
        k = stop - 1;
      } else if (constraints.matchesAt(k, "generated") && constraints.find(k, "as") > 0) {
        int as = constraints.find(k, "as");
        generated = generated(constraints, as);
        k = generated == Generated.IDENTITY ? as + 1 : constraints.closing(as + 1);
      } else if (constraints.matchesAt(k, "not", "null")) {
        notNull = true;
      } else if (constraints.matchesAt(k, "unique")) {
        unique = true;
      } else if (constraints.matchesAt(k, "primary", "key")) {
        primaryKey = true;
      }
    }
    return new ColumnDefinition(
        table,
        element.get(i).value(),
        ColumnType.of(rest.slice(0, end)),
        source,
        constraints,
        Optional.ofNullable(defaultExpression),
        generated,
        notNull,
        unique,
        primaryKey,
        element.get(i).line());
  }

  /** What the {@code GENERATED ... AS} whose {@code AS} is at {@code as} makes the column. */
  private static Generated generated(Tokens constraints, int as) {
    if (constraints.matchesAt(as + 1, "identity")) {
      return Generated.IDENTITY;
    }
    if (!constraints.matchesAt(as + 1, "(")) {
      return Generated.NONE;
    }
    return constraints.matchesAt(constraints.closing(as + 1) + 1, "stored")
        ? Generated.STORED
        : Generated.VIRTUAL;
  }

  /** The first constraint word outside parentheses and brackets from {@code from} on. */
  private static int nextConstraintWord(Tokens t, int from) {
    int depth = 0;
    for (int i = from; i < t.size(); i++) {
      var token = t.get(i);
      if (token.isSymbol("(") || token.isSymbol("[")) {
        depth++;
      } else if (token.isSymbol(")") || token.isSymbol("]")) {
        depth--;
      } else if (depth == 0
          && token.kind() == SqlTokens.Kind.WORD
          && CONSTRAINT_WORDS.contains(token.value())) {
        return i;
      }
    }
    return t.size();
  }

  /**
   * The index of the table's name in {@code CREATE [GLOBAL|LOCAL] [TEMP|TEMPORARY|UNLOGGED] TABLE
   * [IF NOT EXISTS] name}, or -1 for other statements.
   */
  static int createTable(Tokens t) {
    if (!t.startsWith("create")) {
      return -1;
    }
    int i = 1;
    while (t.matchesAt(i, "global")
        || t.matchesAt(i, "local")
        || t.matchesAt(i, "temp")
        || t.matchesAt(i, "temporary")
        || t.matchesAt(i, "unlogged")) {
      i++;
    }
    return t.matchesAt(i, "table") ? t.skipIfNotExists(i + 1) : -1;
  }
}
