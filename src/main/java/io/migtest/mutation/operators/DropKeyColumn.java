package io.migtest.mutation.operators;

import io.migtest.mutation.Category;
import io.migtest.mutation.Impact;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.Index;

/**
 * SCH_011: one column leaves a multi-column PRIMARY KEY, UNIQUE or FOREIGN KEY (a foreign key loses
 * the pair: its column and the referenced one).
 */
final class DropKeyColumn extends AstOperator {
  DropKeyColumn() {
    super(
        "SCH_011",
        Category.SCHEMA,
        Impact.MEDIUM,
        "Remove one column from a multi-column PRIMARY KEY, UNIQUE or FOREIGN KEY",
        "a positive test: two rows that differ only in that column must both insert");
  }

  @Override
  List<Edit> edits(Statement ast) {
    List<Edit> edits = new ArrayList<>();
    for (TableParts.Constraint constraint : TableParts.constraints(ast)) {
      Index index = constraint.index();
      if (constraint.type() == null
          || index.getColumns() == null
          || index.getColumns().size() < 2) {
        continue;
      }
      for (int i = 0; i < index.getColumns().size(); i++) {
        int at = i;
        String column = index.getColumnsNames().get(i);
        edits.add(
            Edit.of(
                "`" + column + "` removed from " + TableParts.label(index),
                () -> {
                  List<Index.ColumnParams> columns = new ArrayList<>(index.getColumns());
                  columns.remove(at);
                  index.setColumns(columns);
                  if (index instanceof ForeignKeyIndex key
                      && key.getReferencedColumnNames() != null
                      && key.getReferencedColumnNames().size() > at) {
                    List<String> referenced = new ArrayList<>(key.getReferencedColumnNames());
                    referenced.remove(at);
                    key.setReferencedColumnNames(referenced);
                  }
                }));
      }
    }
    return edits;
  }
}
