package io.migtest.mutation.operators;

import io.migtest.mutation.Category;
import io.migtest.mutation.Impact;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;

/** SCH_009: a column's DEFAULT is dropped ({@code DEFAULT x}, {@code ALTER ... SET DEFAULT}). */
final class DropDefault extends AstOperator {
  DropDefault() {
    super(
        "SCH_009",
        Category.SCHEMA,
        Impact.MEDIUM,
        "Drop a column DEFAULT",
        "a test inserting a row without the column and checking its value with"
            + " `-- migtest:expect-rows 1`");
  }

  @Override
  List<Edit> edits(Statement ast) {
    List<Edit> edits = new ArrayList<>();
    for (TableParts.Column column : TableParts.columns(ast)) {
      List<String> specs = column.specs();
      int at = ColumnSpecs.find(specs, "DEFAULT");
      if (at >= 0 && at + 1 < specs.size()) {
        edits.add(
            Edit.of(
                "DEFAULT " + specs.get(at + 1) + " of `" + column.name() + "` dropped",
                () -> column.rewrite(s -> ColumnSpecs.remove(s, at, 2))));
      }
    }
    if (ast instanceof Alter alter) {
      for (AlterExpression expression : alter.getAlterExpressions()) {
        if (expression.getColumnSetDefaultList() != null
            && !expression.getColumnSetDefaultList().isEmpty()) {
          edits.add(
              TableParts.withoutExpression(alter, expression, "`" + expression + "` deleted"));
        }
      }
    }
    return edits;
  }
}
