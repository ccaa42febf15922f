package io.migtest.mutation.operators;

import io.migtest.mutation.Category;
import io.migtest.mutation.Impact;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.statement.Statement;

/** DAT_007: {@code IS NULL} becomes {@code IS NOT NULL} in a WHERE, and the other way round. */
final class FlipNullCheck extends AstOperator {
  FlipNullCheck() {
    super(
        "DAT_007",
        Category.DATA,
        Impact.HIGH,
        "Flip IS NULL and IS NOT NULL in a WHERE",
        "fixture rows with NULL and with a value in the column");
  }

  @Override
  List<Edit> edits(Statement ast) {
    List<Edit> edits = new ArrayList<>();
    for (Conditions.Node node : Dml.whereNodes(ast)) {
      if (node.expression() instanceof IsNullExpression check) {
        edits.add(
            Edit.of(
                "`" + check + "` made `IS " + (check.isNot() ? "" : "NOT ") + "NULL`",
                () -> check.setNot(!check.isNot())));
      }
    }
    return edits;
  }
}
