package io.migtest.mutation.operators;

import io.migtest.mutation.Category;
import io.migtest.mutation.Impact;
import java.util.List;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.update.Update;

/** DAT_001: an UPDATE loses its WHERE and changes every row. */
final class UpdateWithoutWhere extends AstOperator {
  UpdateWithoutWhere() {
    super(
        "DAT_001",
        Category.DATA,
        Impact.CRITICAL,
        "UPDATE loses its WHERE",
        "a fixture row outside the WHERE, checked unchanged with `-- migtest:expect-rows`");
  }

  @Override
  List<Edit> edits(Statement ast) {
    return ast instanceof Update update && update.getWhere() != null
        ? List.of(
            Edit.of(
                "WHERE `" + update.getWhere() + "` of " + Dml.label(ast) + " dropped",
                () -> update.setWhere(null)))
        : List.of();
  }
}
