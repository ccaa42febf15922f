package io.migtest.mutation.operators;

import io.migtest.mutation.Category;
import io.migtest.mutation.Impact;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.statement.ReferentialAction;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;

/**
 * SCH_006: a foreign key's explicit {@code ON DELETE} / {@code ON UPDATE} action is dropped (the
 * default, NO ACTION, applies), or swapped: CASCADE for RESTRICT, any other for CASCADE.
 */
final class ChangeReferentialAction extends AstOperator {
  private static final Pattern COLUMN_ACTION =
      Pattern.compile(
          "\\s+ON\\s+(DELETE|UPDATE)\\s+(CASCADE|RESTRICT|SET\\s+NULL|SET\\s+DEFAULT|NO\\s+ACTION)",
          Pattern.CASE_INSENSITIVE);

  ChangeReferentialAction() {
    super(
        "SCH_006",
        Category.SCHEMA,
        Impact.HIGH,
        "Change a foreign key's ON DELETE / ON UPDATE action",
        "a test deleting a parent row and checking its children: `-- migtest:expect-rows 0` on"
            + " them, or `-- migtest:expect-error 23503`");
  }

  @Override
  List<Edit> edits(Statement ast) {
    List<Edit> edits = new ArrayList<>();
    for (TableParts.Column column : TableParts.columns(ast)) {
      List<String> specs = column.specs();
      int at = ColumnSpecs.startingWith(specs, "REFERENCES");
      if (at < 0) {
        continue;
      }
      Matcher action = COLUMN_ACTION.matcher(specs.get(at));
      while (action.find()) {
        String token = specs.get(at);
        int start = action.start();
        int end = action.end();
        String clause = action.group().strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        String swapped = swap(action.group(2).replaceAll("\\s+", " ").toUpperCase(Locale.ROOT));
        String on = "ON " + action.group(1).toUpperCase(Locale.ROOT) + " ";
        edits.add(
            Edit.of(
                "`" + clause + "` of `" + column.name() + "` dropped",
                () ->
                    column.rewrite(
                        s -> s.set(at, token.substring(0, start) + token.substring(end)))));
        edits.add(
            Edit.of(
                "`" + clause + "` of `" + column.name() + "` made `" + on + swapped + "`",
                () ->
                    column.rewrite(
                        s ->
                            s.set(
                                at,
                                token.substring(0, start)
                                    + " "
                                    + on
                                    + swapped
                                    + token.substring(end)))));
      }
    }
    for (TableParts.Constraint constraint : TableParts.constraints(ast)) {
      if (constraint.index() instanceof ForeignKeyIndex key) {
        for (ReferentialAction.Type type : ReferentialAction.Type.values()) {
          ReferentialAction action = key.getReferentialAction(type);
          if (action == null) {
            continue;
          }
          String clause = "ON " + type + " " + words(action.getAction());
          String label = TableParts.label(key);
          ReferentialAction.Action other =
              action.getAction() == ReferentialAction.Action.CASCADE
                  ? ReferentialAction.Action.RESTRICT
                  : ReferentialAction.Action.CASCADE;
          edits.add(
              Edit.of(
                  "`" + clause + "` of " + label + " dropped",
                  () -> key.removeReferentialAction(type)));
          edits.add(
              Edit.of(
                  "`" + clause + "` of " + label + " made `ON " + type + " " + words(other) + "`",
                  () -> key.setReferentialAction(type, other)));
        }
      }
    }
    return edits;
  }

  private static String swap(String action) {
    return action.equals("CASCADE") ? "RESTRICT" : "CASCADE";
  }

  private static String words(ReferentialAction.Action action) {
    return action.name().replace('_', ' ');
  }
}
