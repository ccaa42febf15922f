package io.migtest.mutation.operators;

import io.migtest.mutation.Category;
import io.migtest.mutation.Impact;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.statement.Statement;

/** SCH_005: a foreign key (column {@code REFERENCES} or table constraint) is dropped. */
final class DropForeignKey extends AstOperator {
  DropForeignKey() {
    super(
        "SCH_005",
        Category.SCHEMA,
        Impact.CRITICAL,
        "Drop a FOREIGN KEY",
        "a test inserting a row whose parent does not exist: `-- migtest:expect-error 23503`");
  }

  @Override
  List<Edit> edits(Statement ast) {
    List<Edit> edits = new ArrayList<>();
    for (TableParts.Column column : TableParts.columns(ast)) {
      List<String> specs = column.specs();
      int at = ColumnSpecs.startingWith(specs, "REFERENCES");
      if (at >= 0) {
        edits.add(
            Edit.of(
                "foreign key of `" + column.name() + "` dropped",
                () -> column.rewrite(s -> ColumnSpecs.remove(s, at, 1))));
      }
    }
    for (TableParts.Constraint constraint : TableParts.constraints(ast)) {
      if ("FOREIGN KEY".equals(constraint.type())) {
        edits.add(DropPrimaryKey.dropped(constraint.removal()));
      }
    }
    return edits;
  }
}
