package io.migtest.mutation.operators;

import io.migtest.mutation.Category;
import io.migtest.mutation.Impact;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.create.table.ColDataType;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;

/**
 * SCH_010: a column's type is narrowed or loosened: bigint to integer, integer to smallint, one
 * digit of scale less, half the length of a varchar, text to varchar(50), timestamptz to timestamp.
 */
final class NarrowType extends AstOperator {
  NarrowType() {
    super(
        "SCH_010",
        Category.SCHEMA,
        Impact.HIGH,
        "Narrow or loosen a column type (bigint to integer, varchar(n) to varchar(n/2), ...)",
        "a boundary insert: the largest value or longest text the column must hold"
            + " (`22003` or `22001` when it does not fit)");
  }

  @Override
  List<Edit> edits(Statement ast) {
    List<ColumnDefinition> definitions = new ArrayList<>();
    TableParts.columns(ast).forEach(c -> definitions.add(c.definition()));
    if (ast instanceof Alter alter) {
      for (AlterExpression expression : alter.getAlterExpressions()) {
        if (expression.getOperation() == AlterOperation.ALTER
            && expression.getColDataTypeList() != null) {
          definitions.addAll(expression.getColDataTypeList());
        }
      }
    }
    List<Edit> edits = new ArrayList<>();
    for (ColumnDefinition definition : definitions) {
      ColDataType type = definition.getColDataType();
      if (type == null) {
        continue;
      }
      String narrower = narrower(type);
      if (narrower != null) {
        edits.add(
            Edit.of(
                "type of `" + definition.getColumnName() + "` made `" + narrower + "`",
                () -> {
                  type.setDataType(narrower);
                  type.setArgumentsStringList(null);
                }));
      }
    }
    return edits;
  }

  /** The narrower type, or null when the operator has none for this one. */
  static String narrower(ColDataType type) {
    String name = type.getDataType().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    List<String> args = type.getArgumentsStringList();
    String bare = name.replaceAll(" ?\\(.*\\)$", "");
    List<Integer> numbers = arguments(name, args);
    return switch (bare) {
      case "bigint", "int8" -> "integer";
      case "integer", "int", "int4" -> "smallint";
      case "text" -> "varchar(50)";
      case "timestamptz", "timestamp with time zone" -> "timestamp";
      case "numeric", "decimal" ->
          numbers.size() == 2 && numbers.get(1) > 0
              ? bare + "(" + numbers.get(0) + ", " + (numbers.get(1) - 1) + ")"
              : null;
      case "varchar", "character varying" ->
          numbers.size() == 1 && numbers.get(0) > 1
              ? "varchar(" + (numbers.get(0) + 1) / 2 + ")"
              : null;
      default -> null;
    };
  }

  private static List<Integer> arguments(String name, List<String> args) {
    List<String> raw = new ArrayList<>();
    if (args != null) {
      raw.addAll(args);
    } else if (name.contains("(")) {
      raw.addAll(List.of(name.substring(name.indexOf('(') + 1, name.lastIndexOf(')')).split(",")));
    }
    List<Integer> numbers = new ArrayList<>();
    for (String each : raw) {
      try {
        numbers.add(Integer.parseInt(each.strip()));
      } catch (NumberFormatException e) {
        return List.of();
      }
    }
    return numbers;
  }
}
