package io.migtest.mutation.operators;

import io.migtest.mutation.Category;
import io.migtest.mutation.Impact;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.PlainSelect;

/** DAT_010: an INSERT ... SELECT loses its {@code DISTINCT} or its {@code ON CONFLICT} clause. */
final class DropDistinctOrConflict extends AstOperator {
  DropDistinctOrConflict() {
    super(
        "DAT_010",
        Category.DATA,
        Impact.MEDIUM,
        "INSERT ... SELECT: drop DISTINCT or ON CONFLICT",
        "duplicate source rows in the fixtures, and a check of the row count");
  }

  @Override
  List<Edit> edits(Statement ast) {
    List<Edit> edits = new ArrayList<>();
    PlainSelect select = Dml.insertSelect(ast);
    if (select != null && select.getDistinct() != null) {
      edits.add(
          Edit.of(
              "DISTINCT of the SELECT in " + Dml.label(ast) + " dropped",
              () -> select.setDistinct(null)));
    }
    if (ast instanceof Insert insert && insert.getConflictAction() != null) {
      edits.add(
          Edit.of(
              "ON CONFLICT of " + Dml.label(ast) + " dropped",
              () -> {
                insert.setConflictAction(null);
                insert.setConflictTarget(null);
              }));
    }
    return edits;
  }
}
