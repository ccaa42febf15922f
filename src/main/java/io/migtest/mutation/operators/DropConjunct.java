package io.migtest.mutation.operators;

import io.migtest.mutation.Category;
import io.migtest.mutation.Impact;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.statement.Statement;

/**
 * DAT_005: one side of an {@code AND} or {@code OR} in a WHERE is dropped, the join predicate of
 * {@code UPDATE ... FROM} and {@code DELETE ... USING} included.
 */
final class DropConjunct extends AstOperator {
  DropConjunct() {
    super(
        "DAT_005",
        Category.DATA,
        Impact.HIGH,
        "Drop one side of an AND or OR in a WHERE",
        "a fixture row that meets only one side, and a join with several matching rows");
  }

  @Override
  List<Edit> edits(Statement ast) {
    List<Edit> edits = new ArrayList<>();
    for (Conditions.Node node : Dml.whereNodes(ast)) {
      if (node.expression() instanceof AndExpression || node.expression() instanceof OrExpression) {
        BinaryExpression both = (BinaryExpression) node.expression();
        edits.add(
            Edit.of(
                "`" + both.getLeftExpression() + "` dropped from `" + both + "`",
                () -> node.replace().accept(both.getRightExpression())));
        edits.add(
            Edit.of(
                "`" + both.getRightExpression() + "` dropped from `" + both + "`",
                () -> node.replace().accept(both.getLeftExpression())));
      }
    }
    return edits;
  }
}
