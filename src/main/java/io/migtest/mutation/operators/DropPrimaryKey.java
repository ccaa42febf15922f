package io.migtest.mutation.operators;

import io.migtest.mutation.Category;
import io.migtest.mutation.Impact;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.statement.Statement;

/** SCH_003: a primary key (column or table constraint) is dropped. */
final class DropPrimaryKey extends AstOperator {
  DropPrimaryKey() {
    super(
        "SCH_003",
        Category.SCHEMA,
        Impact.CRITICAL,
        "Drop a PRIMARY KEY",
        "a test inserting a duplicate key: `-- migtest:expect-error 23505`");
  }

  @Override
  List<Edit> edits(Statement ast) {
    List<Edit> edits = new ArrayList<>();
    for (TableParts.Column column : TableParts.columns(ast)) {
      List<String> specs = column.specs();
      int at = ColumnSpecs.find(specs, "PRIMARY", "KEY");
      if (at >= 0) {
        edits.add(
            Edit.of(
                "PRIMARY KEY of `" + column.name() + "` dropped",
                () -> column.rewrite(s -> ColumnSpecs.remove(s, at, 2))));
      }
    }
    for (TableParts.Constraint constraint : TableParts.constraints(ast)) {
      if ("PRIMARY KEY".equals(constraint.type())) {
        edits.add(dropped(constraint.removal()));
      }
    }
    return edits;
  }

  static Edit dropped(Edit removal) {
    return new Edit(removal.change() + " dropped", removal.apply(), removal.removes(), null);
  }
}
