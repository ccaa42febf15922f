package io.migtest.mutation.operators;

import io.migtest.mutation.Category;
import io.migtest.mutation.Impact;
import java.util.List;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.index.CreateIndex;

/** PRF_001: {@code CREATE INDEX CONCURRENTLY} becomes a plain build that blocks writes. */
final class DropConcurrently extends AstOperator {
  DropConcurrently() {
    super(
        "PRF_001",
        Category.PERFORMANCE,
        Impact.HIGH,
        "Remove CONCURRENTLY from CREATE [UNIQUE] INDEX",
        "the performance gate's lock check (a plain build holds a SHARE lock: writes wait), or"
            + " lint's create-index-not-concurrent");
  }

  @Override
  List<Edit> edits(Statement ast) {
    return ast instanceof CreateIndex index && index.isConcurrently()
        ? List.of(
            Edit.of(
                "CONCURRENTLY of `" + index.getIndex().getName() + "` dropped",
                () -> index.setConcurrently(false)))
        : List.of();
  }
}
