package io.migtest.mutation.operators;

import io.migtest.mutation.Category;
import io.migtest.mutation.Impact;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.sf.jsqlparser.statement.Statement;

/** SCH_001: a column defined {@code NOT NULL} loses it. */
final class DropNotNull extends AstOperator {
  DropNotNull() {
    super(
        "SCH_001",
        Category.SCHEMA,
        Impact.CRITICAL,
        "Drop NOT NULL from a column definition",
        "a test inserting NULL into the column: `-- migtest:expect-error 23502`");
  }

  @Override
  List<Edit> edits(Statement ast) {
    Set<String> keyColumns =
        TableParts.constraints(ast).stream()
            .filter(c -> "PRIMARY KEY".equals(c.type()))
            .flatMap(c -> c.index().getColumnsNames().stream())
            .collect(Collectors.toSet());
    List<Edit> edits = new ArrayList<>();
    for (TableParts.Column column : TableParts.columns(ast)) {
      List<String> specs = column.specs();
      int at = ColumnSpecs.find(specs, "NOT", "NULL");
      if (at >= 0) {
        Edit edit =
            Edit.of(
                "NOT NULL of `" + column.name() + "` dropped",
                () -> column.rewrite(s -> ColumnSpecs.remove(s, at, 2)));
        boolean key =
            keyColumns.contains(column.name()) || ColumnSpecs.find(specs, "PRIMARY", "KEY") >= 0;
        edits.add(key ? edit.equivalentBecause("a primary key column is NOT NULL anyway") : edit);
      }
    }
    return edits;
  }
}
