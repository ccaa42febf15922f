package io.migtest.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A column a statement defines or retypes: a column of {@code CREATE TABLE}, an {@code ALTER TABLE
 * ... ADD COLUMN}, or an {@code ALTER COLUMN ... [SET DATA] TYPE}. Read from the tokens, because
 * JSqlParser does not parse {@code SET DATA TYPE} nor several constraint forms; the rules about
 * types, keys and names share this one reading.
 *
 * @param table the table, as the statement names it
 * @param name the column's name
 * @param type the type, normalised
 * @param constraints what follows the type: {@code NOT NULL}, {@code DEFAULT ...}, {@code
 *     REFERENCES ...}, {@code GENERATED ...}; for a retype, {@code COLLATE} and {@code USING}
 * @param source which kind of statement defines it
 * @param primaryKey whether the column is the table's primary key on its own: {@code PRIMARY KEY}
 *     after its type, or a one-column {@code PRIMARY KEY (c)} of the same {@code CREATE TABLE}
 * @param line the line the column's name is on
 */
public record ColumnDefinition(
    QualifiedName table,
    String name,
    ColumnType type,
    Tokens constraints,
    Source source,
    boolean primaryKey,
    int line) {

  /** Where a column definition comes from. */
  public enum Source {
    CREATE_TABLE,
    ADD_COLUMN,
    ALTER_TYPE
  }

  /** The words that start a table constraint or {@code LIKE} in a table's element list. */
  static final Set<String> TABLE_ELEMENTS =
      Set.of("constraint", "primary", "unique", "check", "foreign", "exclude", "like");

  /** The words that end a column's type: the first column constraint or option. */
  private static final Set<String> AFTER_TYPE =
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
    List<ColumnDefinition> columns = new ArrayList<>();
    var alter = AlterTable.of(t);
    if (alter.isPresent()) {
      for (Tokens action : alter.get().actions()) {
        alterAction(alter.get().table(), action, columns);
      }
      return columns;
    }
    int table = createTable(t);
    if (table < 0) {
      return columns;
    }
    QualifiedName name = t.nameAt(table);
    int open = t.afterName(table);
    if (name == null || !t.matchesAt(open, "(")) {
      return columns;
    }
    List<String> tableKey = new ArrayList<>();
    List<Tokens> elements = t.slice(open + 1, t.closing(open)).splitAtTopLevelCommas();
    for (Tokens element : elements) {
      int key = element.startsWith("constraint") ? 2 : 0;
      if (element.matchesAt(key, "primary", "key", "(")) {
        int from = key + 3;
        element.slice(from, element.closing(from - 1)).splitAtTopLevelCommas().stream()
            .filter(c -> !c.isEmpty())
            .forEach(c -> tableKey.add(c.get(0).value()));
      }
    }
    for (Tokens element : elements) {
      if (element.isEmpty()
          || !element.get(0).isName()
          || element.get(0).kind() == SqlTokens.Kind.WORD
              && TABLE_ELEMENTS.contains(element.get(0).value())) {
        continue;
      }
      ColumnDefinition column = column(name, element, 0, Source.CREATE_TABLE);
      if (column != null) {
        boolean soleKey = tableKey.size() == 1 && tableKey.get(0).equals(column.name());
        columns.add(soleKey ? column.asPrimaryKey() : column);
      }
    }
    return columns;
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
    return constraints.has("as", "identity");
  }

  /** The table and column the column's own {@code REFERENCES} names, if it has one. */
  public Optional<ForeignKey> reference() {
    int references = constraints.find(0, "references");
    return references < 0
        ? Optional.empty()
        : ForeignKey.target(table, List.of(name), constraints, references + 1);
  }

  private ColumnDefinition asPrimaryKey() {
    return new ColumnDefinition(table, name, type, constraints, source, true, line);
  }

  private static void alterAction(
      QualifiedName table, Tokens action, List<ColumnDefinition> columns) {
    if (action.startsWith("add")) {
      int name = action.skipIfNotExists(action.matchesAt(1, "column") ? 2 : 1);
      if (name < action.size()
          && action.get(name).isName()
          && !(action.get(name).kind() == SqlTokens.Kind.WORD
              && TABLE_ELEMENTS.contains(action.get(name).value()))) {
        ColumnDefinition column = column(table, action, name, Source.ADD_COLUMN);
        if (column != null) {
          columns.add(column);
        }
      }
      return;
    }
    String altered = AlterTable.alteredColumn(action);
    if (altered == null) {
      return;
    }
    int after = action.matchesAt(1, "column") ? 3 : 2;
    int type =
        action.matchesAt(after, "set", "data", "type")
            ? after + 2
            : action.matchesAt(after, "type") ? after : -1;
    if (type < 0) {
      return;
    }
    Tokens rest = action.from(type + 1);
    int end = typeEnd(rest);
    columns.add(
        new ColumnDefinition(
            table,
            altered,
            ColumnType.of(rest.slice(0, end)),
            rest.from(end),
            Source.ALTER_TYPE,
            false,
            action.line()));
  }

  /** The column whose name is at {@code i} of {@code element}, or null when no type follows. */
  private static ColumnDefinition column(
      QualifiedName table, Tokens element, int i, Source source) {
    Tokens rest = element.from(i + 1);
    int end = typeEnd(rest);
    if (end == 0) {
      return null;
    }
    Tokens constraints = rest.from(end);
    return new ColumnDefinition(
        table,
        element.get(i).value(),
        ColumnType.of(rest.slice(0, end)),
        constraints,
        source,
        constraints.has("primary", "key"),
        element.get(i).line());
  }

  /** Where the type that starts {@code t} ends: at the first constraint word outside brackets. */
  private static int typeEnd(Tokens t) {
    int depth = 0;
    for (int i = 0; i < t.size(); i++) {
      var token = t.get(i);
      if (token.isSymbol("(") || token.isSymbol("[")) {
        depth++;
      } else if (token.isSymbol(")") || token.isSymbol("]")) {
        depth--;
      } else if (depth == 0
          && token.kind() == SqlTokens.Kind.WORD
          && AFTER_TYPE.contains(token.value())) {
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
