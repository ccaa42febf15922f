package io.migtest.mutation.operators;

import io.migtest.mutation.Category;
import io.migtest.mutation.Impact;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;

/**
 * SCH_012: the follow-up {@code VALIDATE CONSTRAINT} is deleted; the constraint stays NOT VALID.
 */
final class DeleteValidate extends AstOperator {
  DeleteValidate() {
    super(
        "SCH_012",
        Category.SCHEMA,
        Impact.HIGH,
        "Delete ALTER TABLE ... VALIDATE CONSTRAINT (the constraint stays NOT VALID)",
        "the data gate's validation check, or a test of pg_constraint.convalidated");
  }

  @Override
  List<Edit> edits(Statement ast) {
    List<Edit> edits = new ArrayList<>();
    if (ast instanceof Alter alter) {
      for (AlterExpression expression : alter.getAlterExpressions()) {
        String specifier = expression.getOptionalSpecifier();
        if (specifier != null
            && specifier.toUpperCase(Locale.ROOT).startsWith("VALIDATE CONSTRAINT")) {
          edits.add(TableParts.withoutExpression(alter, expression, "`" + specifier + "` deleted"));
        }
      }
    }
    return edits;
  }
}
