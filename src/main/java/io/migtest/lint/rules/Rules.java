package io.migtest.lint.rules;

import io.migtest.lint.Rule;
import java.util.List;
import java.util.Optional;

/** Every lint rule, in the order {@code migtest rules} lists them. */
public final class Rules {
  public static final List<Rule> ALL =
      List.of(
          new CreateIndexNotConcurrent(),
          new ConstraintWithoutNotValid(),
          new SetNotNullScansTable(),
          new MissingLockTimeout(),
          new ConcurrentlyInTransaction(),
          new DropIndexNotConcurrent(),
          new ReindexNotConcurrent(),
          new AddColumnVolatileDefault(),
          new AddColumnRewritesTable(),
          new ColumnTypeChangeRewrites(),
          new UniqueConstraintWithoutIndex(),
          new ExclusionConstraintOnExistingTable(),
          new VacuumFullOrCluster(),
          new AlterTableBlockingForm(),
          new ManyLocksInTransaction(),
          new ValidateInSameTransaction(),
          new EnumValueUsedInSameTransaction(),
          new UnbalancedTransaction(),
          new DropColumn(),
          new RenameColumn(),
          new DropTable(),
          new RenameTable(),
          new DropOrRenameSchema(),
          new DropOrRenameType(),
          new EnumValueRenamedOrRemoved(),
          new AddRequiredColumn(),
          new NotNullOnExistingColumn(),
          new NarrowingTypeChange(),
          new TruncateExistingTable(),
          new IntegerPrimaryKey(),
          new ForeignKeyTypeMismatch(),
          new TimestampWithoutTimeZone(),
          new VarcharLengthLimit(),
          new CharType(),
          new SerialColumn(),
          new JsonColumn(),
          new IdentifierTooLong(),
          new MissingIfExists(),
          new MissingDown());

  private Rules() {}

  public static Optional<Rule> byId(String id) {
    return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
  }
}
