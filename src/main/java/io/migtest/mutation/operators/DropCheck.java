package io.migtest.mutation.operators;

import io.migtest.mutation.Category;
import io.migtest.mutation.Impact;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.table.CheckConstraint;

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
    Set<String> notNull = new HashSet<>();
    for (TableParts.Column column : TableParts.columns(ast)) {
      if (ColumnSpecs.find(column.specs(), "NOT", "NULL") >= 0
          || ColumnSpecs.find(column.specs(), "PRIMARY", "KEY") >= 0) {
        notNull.add(column.name().toLowerCase(Locale.ROOT));
      }
    }
    for (TableParts.Constraint constraint : TableParts.constraints(ast)) {
      if ("PRIMARY KEY".equals(constraint.type())) {
        constraint.index().getColumnsNames().forEach(c -> notNull.add(c.toLowerCase(Locale.ROOT)));
      }
    }
    for (TableParts.Constraint constraint : TableParts.constraints(ast)) {
      if (constraint.type() == null) {
        Edit edit = DropPrimaryKey.dropped(constraint.removal());
        edits.add(
            constraint.index() instanceof CheckConstraint check && isNotNullOf(check, notNull)
                ? edit.equivalentBecause("the column is NOT NULL anyway")
                : edit);
      }
    }
    return edits;
  }

  /** {@code CHECK (c IS NOT NULL)} on a column that is NOT NULL anyway. */
  private static boolean isNotNullOf(CheckConstraint check, Set<String> notNull) {
    Expression condition = check.getExpression();
    while (condition instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
      condition = list.get(0);
    }
    return condition instanceof IsNullExpression isNull
        && isNull.isNot()
        && isNull.getLeftExpression() instanceof Column column
        && notNull.contains(column.getColumnName().toLowerCase(Locale.ROOT));
  }
}
