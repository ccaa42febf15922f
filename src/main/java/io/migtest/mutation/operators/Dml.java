package io.migtest.mutation.operators;

import java.util.List;
import java.util.function.Consumer;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.update.Update;

/** The data-changing statements and their WHERE, as the DATA and ROLLBACK operators see them. */
final class Dml {
  private Dml() {}

  /** A WHERE and how to replace it. */
  record Where(Expression condition, Consumer<Expression> replace) {}

  static boolean changesData(Statement ast) {
    return ast instanceof Insert
        || ast instanceof Update
        || ast instanceof Delete
        || ast instanceof Merge;
  }

  /** The WHERE of an UPDATE, a DELETE or an INSERT ... SELECT; null when it has none. */
  static Where where(Statement ast) {
    if (ast instanceof Update update && update.getWhere() != null) {
      return new Where(update.getWhere(), update::setWhere);
    }
    if (ast instanceof Delete delete && delete.getWhere() != null) {
      return new Where(delete.getWhere(), delete::setWhere);
    }
    PlainSelect select = insertSelect(ast);
    if (select != null && select.getWhere() != null) {
      return new Where(select.getWhere(), select::setWhere);
    }
    return null;
  }

  /** The nodes of the WHERE of {@code ast} ({@link Conditions#walk}); none without a WHERE. */
  static List<Conditions.Node> whereNodes(Statement ast) {
    Where where = where(ast);
    return where == null ? List.of() : Conditions.walk(where.condition(), where.replace());
  }

  /** The SELECT of an {@code INSERT ... SELECT}, or null. */
  static PlainSelect insertSelect(Statement ast) {
    return ast instanceof Insert insert
            && insert.getSelect() != null
            && insert.getSelect() instanceof PlainSelect plain
        ? plain
        : null;
  }

  /** What a report calls the statement: {@code UPDATE orders}. */
  static String label(Statement ast) {
    if (ast instanceof Update update) {
      return "UPDATE " + update.getTable();
    }
    if (ast instanceof Delete delete) {
      return "DELETE FROM " + delete.getTable();
    }
    if (ast instanceof Insert insert) {
      return "INSERT INTO " + insert.getTable();
    }
    if (ast instanceof Merge merge) {
      return "MERGE INTO " + merge.getTable();
    }
    return ast.getClass().getSimpleName();
  }
}
