package io.migtest.mutation.operators;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;

/**
 * The nodes of a condition (a WHERE, a CHECK) through {@code AND}, {@code OR}, {@code NOT} and
 * parentheses, each with a way to put another expression in its place. Comparisons, {@code IN},
 * {@code BETWEEN} and {@code IS NULL} are the leaves operators change; what is below them
 * (functions, sub-selects) is left alone.
 */
final class Conditions {
  private Conditions() {}

  /** A node of the condition and how to replace it in its parent. */
  record Node(Expression expression, Consumer<Expression> replace) {}

  /** Every node of {@code root} in reading order, the root first. */
  static List<Node> walk(Expression root, Consumer<Expression> replaceRoot) {
    List<Node> nodes = new ArrayList<>();
    if (root != null) {
      visit(root, replaceRoot, nodes);
    }
    return nodes;
  }

  private static void visit(Expression expression, Consumer<Expression> replace, List<Node> nodes) {
    nodes.add(new Node(expression, replace));
    if (expression instanceof AndExpression || expression instanceof OrExpression) {
      BinaryExpression binary = (BinaryExpression) expression;
      visit(binary.getLeftExpression(), binary::setLeftExpression, nodes);
      visit(binary.getRightExpression(), binary::setRightExpression, nodes);
    } else if (expression instanceof NotExpression not) {
      visit(not.getExpression(), not::setExpression, nodes);
    } else if (expression instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
      @SuppressWarnings("unchecked")
      ParenthesedExpressionList<Expression> single = (ParenthesedExpressionList<Expression>) list;
      visit(single.get(0), e -> single.set(0, e), nodes);
    }
  }
}
