package io.migtest.mutation.operators;

import io.migtest.mutation.Category;
import io.migtest.mutation.Impact;
import java.util.List;
import net.sf.jsqlparser.statement.Statement;

/** DAT_006: a comparison's boundary in a WHERE moves; {@code BETWEEN} becomes exclusive. */
final class WhereBoundary extends AstOperator {
  WhereBoundary() {
    super(
        "DAT_006",
        Category.DATA,
        Impact.MEDIUM,
        "Move a boundary in a WHERE (< and <=, > and >=, = to <>, BETWEEN exclusive)",
        "a fixture row exactly at the boundary");
  }

  @Override
  List<Edit> edits(Statement ast) {
    return Comparisons.boundaries(Dml.whereNodes(ast), true);
  }
}
