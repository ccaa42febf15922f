package io.migtest.mutation.operators;

import io.migtest.mutation.Category;
import io.migtest.mutation.Impact;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * DAT_009: NULL handling goes from a value an UPDATE sets or an INSERT ... SELECT selects: {@code
 * COALESCE(x, d)} and {@code NULLIF(x, y)} become {@code x}.
 */
final class DropNullHandling extends AstOperator {
  DropNullHandling() {
    super(
        "DAT_009",
        Category.DATA,
        Impact.HIGH,
        "Remove NULL handling: COALESCE(x, d) and NULLIF(x, y) become x",
        "a fixture row whose source value is NULL");
  }

  @Override
  List<Edit> edits(Statement ast) {
    List<Edit> edits = new ArrayList<>();
    if (ast instanceof Update update) {
      for (UpdateSet set : update.getUpdateSets()) {
        @SuppressWarnings("unchecked")
        ExpressionList<Expression> values = (ExpressionList<Expression>) set.getValues();
        for (int i = 0; i < values.size(); i++) {
          int at = i;
          add(edits, values.get(i), e -> values.set(at, e));
        }
      }
    }
    PlainSelect select = Dml.insertSelect(ast);
    if (select != null) {
      for (SelectItem<?> item : select.getSelectItems()) {
        @SuppressWarnings("unchecked")
        SelectItem<Expression> each = (SelectItem<Expression>) item;
        add(edits, item.getExpression(), each::setExpression);
      }
    }
    return edits;
  }

  private static void add(List<Edit> edits, Expression value, Consumer<Expression> replace) {
    if (value instanceof Function function
        && function.getParameters() != null
        && !function.getParameters().isEmpty()
        && List.of("COALESCE", "NULLIF").contains(function.getName().toUpperCase(Locale.ROOT))) {
      Expression first = (Expression) function.getParameters().get(0);
      edits.add(Edit.of("`" + function + "` made `" + first + "`", () -> replace.accept(first)));
    }
  }
}
