package io.migtest.mutation.operators;

import io.migtest.mutation.Category;
import io.migtest.mutation.Impact;
import java.util.List;
import net.sf.jsqlparser.statement.Statement;

/** DAT_003: one INSERT, UPDATE, DELETE or MERGE of an up script is deleted. */
final class DeleteDml extends AstOperator {
  DeleteDml() {
    super(
        "DAT_003",
        Category.DATA,
        Impact.CRITICAL,
        "Delete one DML statement (INSERT, UPDATE, DELETE, MERGE)",
        "a test checking the values the statement writes (a backfill, a seed row)");
  }

  @Override
  List<Edit> edits(Statement ast) {
    return Dml.changesData(ast)
        ? List.of(Edit.removal("`" + Dml.label(ast) + " ...` deleted"))
        : List.of();
  }
}
