package io.migtest.mutation.operators;

import io.migtest.mutation.operators.AstOperator.Edit;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;

/**
 * Boundary mutations of a condition's comparisons: {@code <} and {@code <=} swapped, {@code >} and
 * {@code >=} swapped, {@code =} made {@code <>}, and (in a WHERE) {@code BETWEEN} made exclusive.
 */
final class Comparisons {
  private Comparisons() {}

  static List<Edit> boundaries(List<Conditions.Node> nodes, boolean betweenToo) {
    List<Edit> edits = new ArrayList<>();
    for (Conditions.Node node : nodes) {
      Expression e = node.expression();
      BinaryExpression swapped =
          e instanceof GreaterThan
              ? new GreaterThanEquals()
              : e instanceof GreaterThanEquals
                  ? new GreaterThan()
                  : e instanceof MinorThan
                      ? new MinorThanEquals()
                      : e instanceof MinorThanEquals
                          ? new MinorThan()
                          : e instanceof EqualsTo ? new NotEqualsTo() : null;
      if (swapped != null) {
        BinaryExpression original = (BinaryExpression) e;
        edits.add(
            Edit.of(
                "`" + e + "` made `" + swapped.getStringExpression() + "`",
                () ->
                    node.replace()
                        .accept(
                            operands(
                                swapped,
                                original.getLeftExpression(),
                                original.getRightExpression()))));
      } else if (betweenToo && e instanceof Between between && !between.isNot()) {
        edits.add(
            Edit.of(
                "`" + e + "` made exclusive",
                () ->
                    node.replace()
                        .accept(
                            new AndExpression(
                                operands(
                                    new GreaterThan(),
                                    between.getLeftExpression(),
                                    between.getBetweenExpressionStart()),
                                operands(
                                    new MinorThan(),
                                    between.getLeftExpression(),
                                    between.getBetweenExpressionEnd())))));
      }
    }
    return edits;
  }

  private static BinaryExpression operands(
      BinaryExpression comparison, Expression left, Expression right) {
    comparison.setLeftExpression(left);
    comparison.setRightExpression(right);
    return comparison;
  }
}
