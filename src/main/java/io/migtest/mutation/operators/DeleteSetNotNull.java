package io.migtest.mutation.operators;

import io.migtest.mutation.Category;
import io.migtest.mutation.Impact;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;

/** SCH_002: an {@code ALTER COLUMN ... SET NOT NULL} is deleted. */
final class DeleteSetNotNull extends AstOperator {
  DeleteSetNotNull() {
    super(
        "SCH_002",
        Category.SCHEMA,
        Impact.CRITICAL,
        "Delete ALTER COLUMN ... SET NOT NULL",
        "a test inserting NULL into the column: `-- migtest:expect-error 23502`");
  }

  @Override
  List<Edit> edits(Statement ast) {
    List<Edit> edits = new ArrayList<>();
    if (ast instanceof Alter alter) {
      for (AlterExpression expression : alter.getAlterExpressions()) {
        if (expression.getColumnSetNotNullList() != null
            && !expression.getColumnSetNotNullList().isEmpty()) {
          edits.add(
              TableParts.withoutExpression(alter, expression, "`" + expression + "` deleted"));
        }
      }
    }
    return edits;
  }
}
