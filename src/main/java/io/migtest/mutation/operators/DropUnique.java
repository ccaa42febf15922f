package io.migtest.mutation.operators;

import io.migtest.mutation.Category;
import io.migtest.mutation.Impact;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.index.CreateIndex;

/**
 * SCH_004: a UNIQUE goes: the column spec, the table constraint, or {@code CREATE UNIQUE INDEX}
 * becomes a plain index.
 */
final class DropUnique extends AstOperator {
  DropUnique() {
    super(
        "SCH_004",
        Category.SCHEMA,
        Impact.HIGH,
        "Drop a UNIQUE (column, constraint, or CREATE UNIQUE INDEX made plain)",
        "a test inserting a duplicate value: `-- migtest:expect-error 23505`");
  }

  @Override
  List<Edit> edits(Statement ast) {
    List<Edit> edits = new ArrayList<>();
    Set<Set<String>> keys = new HashSet<>();
    for (TableParts.Constraint constraint : TableParts.constraints(ast)) {
      if ("PRIMARY KEY".equals(constraint.type())) {
        keys.add(new HashSet<>(constraint.index().getColumnsNames()));
      }
    }
    for (TableParts.Column column : TableParts.columns(ast)) {
      if (ColumnSpecs.find(column.specs(), "PRIMARY", "KEY") >= 0) {
        keys.add(Set.of(column.name()));
      }
    }
    for (TableParts.Column column : TableParts.columns(ast)) {
      List<String> specs = column.specs();
      int at = ColumnSpecs.find(specs, "UNIQUE");
      if (at >= 0) {
        Edit edit =
            Edit.of(
                "UNIQUE of `" + column.name() + "` dropped",
                () -> column.rewrite(s -> ColumnSpecs.remove(s, at, 1)));
        edits.add(keys.contains(Set.of(column.name())) ? samePrimaryKey(edit) : edit);
      }
    }
    for (TableParts.Constraint constraint : TableParts.constraints(ast)) {
      if ("UNIQUE".equals(constraint.type())) {
        Edit edit = DropPrimaryKey.dropped(constraint.removal());
        boolean same = keys.contains(new HashSet<>(constraint.index().getColumnsNames()));
        edits.add(same ? samePrimaryKey(edit) : edit);
      }
    }
    if (ast instanceof CreateIndex index
        && index.getIndex().getType() != null
        && index.getIndex().getType().equalsIgnoreCase("UNIQUE")) {
      edits.add(
          Edit.of(
              "unique index `" + index.getIndex().getName() + "` made plain",
              () -> index.getIndex().setType(null)));
    }
    return edits;
  }

  private static Edit samePrimaryKey(Edit edit) {
    return edit.equivalentBecause("the primary key has the same columns");
  }
}
