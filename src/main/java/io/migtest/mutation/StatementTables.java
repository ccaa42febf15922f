package io.migtest.mutation;

import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.update.Update;

/**
 * The table a statement acts on, unqualified and in lower case, for coverage: tests that do not
 * name it are not run for its mutants. Empty when not known (every test then covers it).
 */
final class StatementTables {
  private StatementTables() {}

  static Set<String> of(Statement ast) {
    Table table =
        ast instanceof CreateTable create
            ? create.getTable()
            : ast instanceof Alter alter
                ? alter.getTable()
                : ast instanceof CreateIndex index
                    ? index.getTable()
                    : ast instanceof Update update
                        ? update.getTable()
                        : ast instanceof Delete delete
                            ? delete.getTable()
                            : ast instanceof Insert insert
                                ? insert.getTable()
                                : ast instanceof Merge merge
                                    ? merge.getTable()
                                    : ast instanceof Drop drop ? drop.getName() : null;
    if (table == null || table.getName() == null) {
      return Set.of();
    }
    String name = table.getName();
    if (name.startsWith("\"") && name.endsWith("\"") && name.length() > 1) {
      return Set.of(name.substring(1, name.length() - 1));
    }
    return Set.of(name.toLowerCase(Locale.ROOT));
  }
}
