package io.migtest.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A foreign key a statement adds: a column's {@code REFERENCES}, a {@code FOREIGN KEY (...)
 * REFERENCES} element of {@code CREATE TABLE}, or one added by {@code ALTER TABLE ... ADD}.
 *
 * @param table the referencing table
 * @param columns its columns, in order
 * @param referenced the referenced table
 * @param referencedColumns the referenced columns, in order; empty when the statement leaves them
 *     out, which means the referenced table's primary key
 */
public record ForeignKey(
    QualifiedName table,
    List<String> columns,
    QualifiedName referenced,
    List<String> referencedColumns) {

  /** The foreign keys {@code t} adds, in order; empty for other statements. */
  public static List<ForeignKey> of(Tokens t) {
    List<ForeignKey> keys = new ArrayList<>();
    for (ColumnDefinition column : ColumnDefinition.of(t)) {
      if (column.source() != ColumnDefinition.Source.ALTER_TYPE) {
        column.reference().ifPresent(keys::add);
      }
    }
    var alter = AlterTable.of(t);
    if (alter.isPresent()) {
      for (Tokens action : alter.get().actions()) {
        if (action.startsWith("add")) {
          element(alter.get().table(), action, 1).ifPresent(keys::add);
        }
      }
      return keys;
    }
    int name = ColumnDefinition.createTable(t);
    QualifiedName table = name < 0 ? null : t.nameAt(name);
    int open = table == null ? -1 : t.afterName(name);
    if (open >= 0 && t.matchesAt(open, "(")) {
      for (Tokens element : t.slice(open + 1, t.closing(open)).splitAtTopLevelCommas()) {
        element(table, element, 0).ifPresent(keys::add);
      }
    }
    return keys;
  }

  /** A {@code [CONSTRAINT n] FOREIGN KEY (...) REFERENCES ...} starting at {@code i}. */
  private static Optional<ForeignKey> element(QualifiedName table, Tokens element, int i) {
    int key = element.matchesAt(i, "constraint") ? i + 2 : i;
    if (!element.matchesAt(key, "foreign", "key", "(")) {
      return Optional.empty();
    }
    int close = element.closing(key + 2);
    int references = element.find(close, "references");
    if (references < 0) {
      return Optional.empty();
    }
    return target(table, names(element, key + 2), element, references + 1);
  }

  /** The key whose {@code REFERENCES} target starts at {@code i} of {@code t}. */
  static Optional<ForeignKey> target(QualifiedName table, List<String> columns, Tokens t, int i) {
    QualifiedName referenced = t.nameAt(i);
    if (referenced == null) {
      return Optional.empty();
    }
    int open = t.afterName(i);
    List<String> target = t.matchesAt(open, "(") ? names(t, open) : List.of();
    return Optional.of(new ForeignKey(table, columns, referenced, target));
  }

  /** The names in the parenthesised list that opens at {@code open}. */
  private static List<String> names(Tokens t, int open) {
    List<String> names = new ArrayList<>();
    for (Tokens part : t.slice(open + 1, t.closing(open)).splitAtTopLevelCommas()) {
      if (!part.isEmpty() && part.get(0).isName()) {
        names.add(part.get(0).value());
      }
    }
    return names;
  }
}
