package io.migtest.mutation.operators;

import io.migtest.mutation.Category;
import io.migtest.mutation.Impact;
import java.util.List;
import net.sf.jsqlparser.statement.Commit;
import net.sf.jsqlparser.statement.ResetStatement;
import net.sf.jsqlparser.statement.RollbackStatement;
import net.sf.jsqlparser.statement.SavepointStatement;
import net.sf.jsqlparser.statement.SetStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.select.Select;

/**
 * RBK_001: one schema-changing statement of a down script is deleted (index re-creations are
 * RBK_004's, data changes RBK_002's). Transaction control and session settings change no schema: a
 * down without its {@code COMMIT} shows how the tool runs scripts, not what the tests check.
 */
final class DeleteDownDdl extends AstOperator {
  DeleteDownDdl() {
    super(
        "RBK_001",
        Category.ROLLBACK,
        Impact.CRITICAL,
        "Delete one DDL statement from the down script",
        "the rollback gate: the schema after up and down differs from the one before");
  }

  @Override
  List<Edit> edits(Statement ast) {
    boolean schemaChange =
        !Dml.changesData(ast)
            && !(ast instanceof CreateIndex)
            && !(ast instanceof Select)
            && !(ast instanceof SetStatement)
            && !(ast instanceof ResetStatement)
            && !(ast instanceof Commit)
            && !(ast instanceof RollbackStatement)
            && !(ast instanceof SavepointStatement);
    return schemaChange ? List.of(Edit.removal("down statement deleted")) : List.of();
  }
}
