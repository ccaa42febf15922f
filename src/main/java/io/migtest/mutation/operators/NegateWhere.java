package io.migtest.mutation.operators;

import io.migtest.mutation.Category;
import io.migtest.mutation.Impact;
import java.util.List;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.statement.Statement;

/** DAT_004: the WHERE of an UPDATE, a DELETE or an INSERT ... SELECT is negated. */
final class NegateWhere extends AstOperator {
  NegateWhere() {
    super(
        "DAT_004",
        Category.DATA,
        Impact.HIGH,
        "Negate the WHERE of UPDATE, DELETE or INSERT ... SELECT",
        "fixture rows on both sides of the WHERE, each checked with `-- migtest:expect-rows`");
  }

  @Override
  List<Edit> edits(Statement ast) {
    Dml.Where where = Dml.where(ast);
    if (where == null) {
      return List.of();
    }
    return List.of(
        Edit.of(
            "WHERE `" + where.condition() + "` of " + Dml.label(ast) + " negated",
            () ->
                where
                    .replace()
                    .accept(
                        new NotExpression(new ParenthesedExpressionList<>(where.condition())))));
  }
}
