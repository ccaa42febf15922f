package io.migtest.data;

import io.migtest.sql.ParsedStatement;
import io.migtest.sql.SqlParser;
import io.migtest.sql.SqlScript;
import io.migtest.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.execute.Execute;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.truncate.Truncate;

/**
 * The tables whose rows a script visibly removes, read from JSqlParser's AST: {@code DELETE},
 * {@code TRUNCATE}, {@code MERGE} (which may delete), {@code DROP TABLE} and {@code DROP SCHEMA}.
 * Statements whose effect the AST does not show (one JSqlParser does not parse, such as a {@code
 * DO} block; a {@code SELECT} or {@code CALL} that may run a function that deletes) are kept by
 * line: rows that vanish while one of them ran are unknown, never trusted as removed on purpose.
 *
 * @param tables the tables named, as {@code schema.name} or {@code name} in the catalog's case
 * @param schemas the schemas dropped
 * @param opaque the first line of each statement whose effect migtest cannot see
 */
public record RowRemovals(Set<String> tables, Set<String> schemas, List<Integer> opaque) {

  /** Reads the script's statements. */
  public static RowRemovals of(SqlScript script, SqlParser parser) {
    Set<String> tables = new HashSet<>();
    Set<String> schemas = new HashSet<>();
    List<Integer> opaque = new ArrayList<>();
    for (Statement statement : script.split().statements()) {
      ParsedStatement parsed = parser.parse(statement);
      var ast = parsed.ast();
      if (ast == null || ast instanceof Select || ast instanceof Execute) {
        opaque.add(statement.startLine());
      } else if (ast instanceof Delete delete) {
        add(tables, delete.getTable());
        addAll(tables, delete.getTables());
      } else if (ast instanceof Truncate truncate) {
        add(tables, truncate.getTable());
        addAll(tables, truncate.getTables());
      } else if (ast instanceof Merge merge) {
        add(tables, merge.getTable());
      } else if (ast instanceof Drop drop && "table".equalsIgnoreCase(drop.getType())) {
        add(tables, drop.getName());
        addAll(tables, drop.getNames());
      } else if (ast instanceof Drop drop && "schema".equalsIgnoreCase(drop.getType())) {
        schemas.add(identifier(drop.getName().getName()));
      }
    }
    return new RowRemovals(Set.copyOf(tables), Set.copyOf(schemas), List.copyOf(opaque));
  }

  /** Whether the script visibly removes rows of the table. */
  public boolean removesFrom(TableFingerprint table) {
    return schemas.contains(table.schema())
        || tables.contains(table.name())
        || tables.contains(table.schema() + "." + table.name());
  }

  private static void addAll(Set<String> tables, List<Table> named) {
    if (named != null) {
      named.forEach(t -> add(tables, t));
    }
  }

  private static void add(Set<String> tables, Table table) {
    if (table == null || table.getName() == null) {
      return;
    }
    String name = identifier(table.getName());
    tables.add(
        table.getSchemaName() == null ? name : identifier(table.getSchemaName()) + "." + name);
  }

  /** A name as the catalog has it: a quoted one as written, another in lower case. */
  private static String identifier(String written) {
    if (written.length() >= 2 && written.startsWith("\"") && written.endsWith("\"")) {
      return written.substring(1, written.length() - 1).replace("\"\"", "\"");
    }
    return written.toLowerCase(Locale.ROOT);
  }
}
