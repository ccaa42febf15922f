package io.migtest.mutation.operators;

import io.migtest.mutation.Category;
import io.migtest.mutation.Impact;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.statement.Statement;

/**
 * RBK_005: a data restore in a down script loses or negates its WHERE (DAT_001, DAT_002 and DAT_004
 * on the down script's statements).
 */
final class DownDataPredicate extends AstOperator {
  private static final List<AstOperator> FAULTS =
      List.of(new UpdateWithoutWhere(), new DeleteWithoutWhere(), new NegateWhere());

  DownDataPredicate() {
    super(
        "RBK_005",
        Category.ROLLBACK,
        Impact.HIGH,
        "A data restore in the down script loses or negates its WHERE",
        "the data gate: after the down, the tables do not hold the rows they held before");
  }

  @Override
  List<Edit> edits(Statement ast) {
    List<Edit> edits = new ArrayList<>();
    for (AstOperator fault : FAULTS) {
      edits.addAll(fault.edits(ast));
    }
    return edits;
  }
}
