package io.migtest.mutation.operators;

import io.migtest.mutation.Category;
import io.migtest.mutation.Impact;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.table.CheckConstraint;

/**
 * SCH_008: a CHECK is weakened: a comparison's boundary moved, one element of an {@code IN} list
 * dropped, or one side of an {@code AND} dropped.
 */
final class WeakenCheck extends AstOperator {
  WeakenCheck() {
    super(
        "SCH_008",
        Category.SCHEMA,
        Impact.MEDIUM,
        "Weaken a CHECK: boundary moved, an IN element or an AND side dropped",
        "boundary tests: the exact limit accepted, the value just outside rejected with"
            + " `-- migtest:expect-error 23514`");
  }

  @Override
  List<Edit> edits(Statement ast) {
    List<Edit> edits = new ArrayList<>();
    for (TableParts.Column column : TableParts.columns(ast)) {
      List<String> specs = column.specs();
      int at = ColumnSpecs.find(specs, "CHECK");
      if (at < 0 || at + 1 >= specs.size()) {
        continue;
      }
      Expression check = parse(specs.get(at + 1));
      if (check == null) {
        continue;
      }
      Expression[] root = {check};
      for (Edit edit : weakenings(check, e -> root[0] = e)) {
        edits.add(
            Edit.of(
                edit.change() + " in the CHECK of `" + column.name() + "`",
                () -> {
                  edit.apply().run();
                  String text = root[0].toString();
                  column.rewrite(
                      s -> s.set(at + 1, text.startsWith("(") ? text : "(" + text + ")"));
                }));
      }
    }
    for (TableParts.Constraint constraint : TableParts.constraints(ast)) {
      if (constraint.index() instanceof CheckConstraint check) {
        for (Edit edit : weakenings(check.getExpression(), check::setExpression)) {
          edits.add(Edit.of(edit.change() + " in " + TableParts.label(check), edit.apply()));
        }
      }
    }
    return edits;
  }

  private static List<Edit> weakenings(
      Expression root, java.util.function.Consumer<Expression> replaceRoot) {
    List<Conditions.Node> nodes = Conditions.walk(root, replaceRoot);
    List<Edit> edits = new ArrayList<>(Comparisons.boundaries(nodes, false));
    for (Conditions.Node node : nodes) {
      if (node.expression() instanceof InExpression in
          && in.getRightExpression() instanceof ExpressionList<?> list
          && list.size() > 1) {
        for (int i = 0; i < list.size(); i++) {
          int index = i;
          edits.add(
              Edit.of("`" + list.get(i) + "` dropped from `" + in + "`", () -> list.remove(index)));
        }
      }
      if (node.expression() instanceof AndExpression and) {
        edits.add(
            Edit.of(
                "`" + and.getLeftExpression() + "` dropped from `" + and + "`",
                () -> node.replace().accept(and.getRightExpression())));
        edits.add(
            Edit.of(
                "`" + and.getRightExpression() + "` dropped from `" + and + "`",
                () -> node.replace().accept(and.getLeftExpression())));
      }
    }
    return edits;
  }

  private static Expression parse(String condition) {
    try {
      return CCJSqlParserUtil.parseCondExpression(condition);
    } catch (JSQLParserException e) {
      return null;
    }
  }
}
