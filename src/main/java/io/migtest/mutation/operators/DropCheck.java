package io.migtest.mutation.operators;

import io.migtest.mutation.Category;
import io.migtest.mutation.Impact;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.statement.Statement;

/** SCH_007: a CHECK (column spec or table constraint) is dropped. */
final class DropCheck extends AstOperator {
  DropCheck() {
    super(
        "SCH_007",
        Category.SCHEMA,
        Impact.HIGH,
        "Drop a CHECK constraint",
        "a test inserting a row the check forbids: `-- migtest:expect-error 23514`");
  }

  @Override
  List<Edit> edits(Statement ast) {
    List<Edit> edits = new ArrayList<>();
    for (TableParts.Column column : TableParts.columns(ast)) {
      List<String> specs = column.specs();
      int at = ColumnSpecs.find(specs, "CHECK");
      if (at >= 0 && at + 1 < specs.size()) {
        edits.add(
            Edit.of(
                "CHECK " + specs.get(at + 1) + " of `" + column.name() + "` dropped",
                () -> column.rewrite(s -> ColumnSpecs.remove(s, at, 2))));
      }
    }
    for (TableParts.Constraint constraint : TableParts.constraints(ast)) {
      if (constraint.type() == null) {
        edits.add(DropPrimaryKey.dropped(constraint.removal()));
      }
    }
    return edits;
  }
}
