package io.migtest.lint.rules;

import io.migtest.finding.Severity;
import io.migtest.lint.LintContext;
import io.migtest.lint.LintStatement;
import io.migtest.lint.QualifiedName;
import io.migtest.lint.Rule;
import io.migtest.lint.RuleReport;
import io.migtest.lint.Tokens;
import java.util.ArrayList;
import java.util.List;

/**
 * A schema that exists in production dropped or renamed, or a database dropped: every query of the
 * application version still running that names an object in it fails, and a drop with {@code
 * CASCADE} takes every table in it with it. Databases are not tracked, so a {@code DROP DATABASE}
 * is always reported.
 */
public final class DropOrRenameSchema implements Rule {
  @Override
  public String id() {
    return "drop-or-rename-schema";
  }

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "Dropping or renaming a schema (or dropping a database) breaks everything that uses it";
  }

  @Override
  public boolean checksDownScripts() {
    return false;
  }

  @Override
  public void check(LintStatement statement, LintContext context, RuleReport report) {
    Tokens t = statement.tokens();
    if (t.startsWith("drop", "schema")) {
      List<String> existing = new ArrayList<>();
      for (Tokens part : t.from(t.skipIfExists(2)).splitAtTopLevelCommas()) {
        QualifiedName schema = part.nameAt(0);
        if (schema != null && context.schemaExistedBefore(schema.name())) {
          existing.add(schema.name());
        }
      }
      if (!existing.isEmpty()) {
        report.drop(
            statement,
            t.matchesAt(2, "if", "exists"),
            context,
            "Dropping schema "
                + String.join(", ", existing)
                + (TopLevel.has(t, "cascade")
                    ? " with CASCADE deletes every table, view, function and type in it, data"
                        + " included, and"
                    : " fails while anything is left in it; once it is empty, dropping it")
                + " breaks the application version still running during the deployment wherever"
                + " it names the schema. Stop using the schema in one release, drop it in a later"
                + " one, and say so with -- migtest:ignore drop-or-rename-schema <reason>."
                + context.assumption());
      }
    } else if (t.startsWith("alter", "schema") && t.matchesAt(t.afterName(2), "rename", "to")) {
      QualifiedName schema = t.nameAt(2);
      QualifiedName renamed = t.nameAt(t.afterName(2) + 2);
      if (schema != null && renamed != null && context.schemaExistedBefore(schema.name())) {
        report.at(
            statement,
            "Renaming schema "
                + schema.name()
                + " to "
                + renamed.name()
                + " breaks the application version still running during the deployment: queries"
                + " that name "
                + schema.name()
                + ".something, function bodies and search_path settings that list it stop"
                + " finding its objects. Keep the name, or create the new schema and move the objects one"
                + " at a time, leaving a view in the old schema for each table old code still"
                + " uses."
                + context.assumption());
      }
    } else if (t.startsWith("drop", "database")) {
      QualifiedName database = t.nameAt(t.skipIfExists(2));
      report.at(
          statement,
          "DROP DATABASE "
              + (database == null ? "" : database.name() + " ")
              + "deletes a whole database, and everything connected to it fails. A schema"
              + " migration should not do this; if it must, say why with -- migtest:ignore"
              + " drop-or-rename-schema <reason>.");
    }
  }
}
