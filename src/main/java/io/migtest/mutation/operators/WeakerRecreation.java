package io.migtest.mutation.operators;

import io.migtest.mutation.Category;
import io.migtest.mutation.Impact;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.statement.Statement;

/**
 * RBK_003: what a down script re-creates comes back weaker: SCH_001, 003, 004, 005, 007 and 009 on
 * its CREATE TABLE, ADD COLUMN and ADD CONSTRAINT.
 */
final class WeakerRecreation extends AstOperator {
  private static final List<AstOperator> WEAKENINGS =
      List.of(
          new DropNotNull(),
          new DropPrimaryKey(),
          new DropUnique(),
          new DropForeignKey(),
          new DropCheck(),
          new DropDefault());

  WeakerRecreation() {
    super(
        "RBK_003",
        Category.ROLLBACK,
        Impact.HIGH,
        "The down script re-creates a table, column or constraint weaker (NOT NULL, key, UNIQUE,"
            + " FOREIGN KEY, CHECK or DEFAULT dropped)",
        "the rollback gate: the schema after up and down differs from the one before");
  }

  @Override
  List<Edit> edits(Statement ast) {
    List<Edit> edits = new ArrayList<>();
    for (AstOperator weakening : WEAKENINGS) {
      edits.addAll(weakening.edits(ast));
    }
    return edits;
  }
}
