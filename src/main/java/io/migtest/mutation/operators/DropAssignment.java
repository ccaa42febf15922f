package io.migtest.mutation.operators;

import io.migtest.mutation.Category;
import io.migtest.mutation.Impact;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/** DAT_008: one assignment of an {@code UPDATE ... SET a = ..., b = ...} is dropped. */
final class DropAssignment extends AstOperator {
  DropAssignment() {
    super(
        "DAT_008",
        Category.DATA,
        Impact.HIGH,
        "Drop one assignment from UPDATE ... SET a = ..., b = ...",
        "a test checking every column the UPDATE backfills");
  }

  @Override
  List<Edit> edits(Statement ast) {
    List<Edit> edits = new ArrayList<>();
    if (ast instanceof Update update && update.getUpdateSets().size() > 1) {
      for (UpdateSet set : update.getUpdateSets()) {
        edits.add(
            Edit.of(
                "`" + set + "` dropped from " + Dml.label(ast),
                () -> update.getUpdateSets().remove(set)));
      }
    }
    return edits;
  }
}
