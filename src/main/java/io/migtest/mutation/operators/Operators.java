package io.migtest.mutation.operators;

import io.migtest.mutation.Operator;
import java.util.List;
import java.util.Optional;

/** Every mutation operator, in catalog order. */
public final class Operators {
  public static final List<Operator> ALL =
      List.of(
          new DropNotNull(),
          new DeleteSetNotNull(),
          new DropPrimaryKey(),
          new DropUnique(),
          new DropForeignKey(),
          new ChangeReferentialAction(),
          new DropCheck(),
          new WeakenCheck(),
          new DropDefault(),
          new NarrowType(),
          new DropKeyColumn(),
          new DeleteValidate(),
          new UpdateWithoutWhere(),
          new DeleteWithoutWhere(),
          new DeleteDml(),
          new NegateWhere(),
          new DropConjunct(),
          new WhereBoundary(),
          new FlipNullCheck(),
          new DropAssignment(),
          new DropNullHandling(),
          new DropDistinctOrConflict(),
          new DeleteDownDdl(),
          new DeleteDownDml(),
          new WeakerRecreation(),
          new DeleteDownIndex(),
          new DownDataPredicate(),
          new DropConcurrently(),
          new DropConcurrentlyFromDropOrReindex(),
          new DropNotValid(),
          new DeleteLockTimeout(),
          new DeletePlainIndex(),
          new DropBatchLimit());

  private Operators() {}

  public static Optional<Operator> byId(String id) {
    return ALL.stream().filter(o -> o.id().equalsIgnoreCase(id)).findFirst();
  }
}
