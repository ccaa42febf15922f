package io.migtest.mutation.operators;

import io.migtest.mutation.Category;
import io.migtest.mutation.Impact;
import java.util.List;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;

/** DAT_002: a DELETE loses its WHERE and removes every row. */
final class DeleteWithoutWhere extends AstOperator {
  DeleteWithoutWhere() {
    super(
        "DAT_002",
        Category.DATA,
        Impact.CRITICAL,
        "DELETE loses its WHERE",
        "a fixture row outside the WHERE, checked still there with `-- migtest:expect-rows 1`");
  }

  @Override
  List<Edit> edits(Statement ast) {
    return ast instanceof Delete delete && delete.getWhere() != null
        ? List.of(
            Edit.of(
                "WHERE `" + delete.getWhere() + "` of " + Dml.label(ast) + " dropped",
                () -> delete.setWhere(null)))
        : List.of();
  }
}
