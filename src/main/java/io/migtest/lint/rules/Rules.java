package io.migtest.lint.rules;

import io.migtest.lint.Rule;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every lint rule, in the order {@code migtest rules} lists them. */
public final class Rules {
  public static final List<Rule> ALL =
      List.of(
          // locks and rewrites
          new CreateIndexNotConcurrent(),
          new DropIndexNotConcurrent(),
          new ReindexNotConcurrent(),
          new AddColumnVolatileDefault(),
          new AddColumnRewritesTable(),
          new SetNotNullScansTable(),
          new ColumnTypeChangeRewrites(),
          new ConstraintWithoutNotValid(),
          new UniqueConstraintWithoutIndex(),
          new ExclusionConstraintOnExistingTable(),
          new VacuumFullOrCluster(),
          new AlterTableBlockingForm(),
          new MissingLockTimeout(),
          // transactions
          new ConcurrentlyInTransaction(),
          new ManyLocksInTransaction(),
          new ValidateInSameTransaction(),
          new EnumValueUsedInSameTransaction(),
          new UnbalancedTransaction(),
          // breaking changes
          new DropColumn());

  private Rules() {}

  public static Optional<Rule> byId(String id) {
    return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /** The rules sorted by id. */
  public static List<Rule> sorted() {
    return ALL.stream().sorted(Comparator.comparing(Rule::id)).toList();
  }
}
