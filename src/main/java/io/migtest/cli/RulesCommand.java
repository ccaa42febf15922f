package io.migtest.cli;

import io.migtest.MigtestException;
import io.migtest.finding.RuleId;
import io.migtest.lint.Rule;
import io.migtest.lint.RulePages;
import io.migtest.lint.rules.Rules;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code migtest rules [ID]}: the lint rules, or one rule's page. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the lint rules with their default severity, or prints the page of one rule.",
      "",
      "A page (also for any other finding's rule id) says what triggers it, why it hurts in"
          + " production, the safe way, and gives an example.",
      "",
      "Severities and on/off per rule: lint.rules in migtest.yml. Silence one statement or file:",
      "-- migtest:ignore <rule>[,<rule>] <reason>"
    })
public final class RulesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "A rule id.")
  String id;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (id == null) {
      int width = Rules.ALL.stream().mapToInt(r -> r.id().length()).max().orElse(10);
      for (Rule rule : Rules.ALL) {
        out.printf(
            Locale.ROOT,
            "%-" + width + "s  %-7s  %s%n",
            rule.id(),
            rule.severity().id(),
            rule.summary());
      }
      out.println();
      out.println(
          Rules.ALL.size()
              + " rules. `migtest rules <id>` prints one's page; online: "
              + RuleId.DOCS);
    } else {
      String page =
          RulePages.of(id.strip().toLowerCase(Locale.ROOT))
              .orElseThrow(
                  () ->
                      MigtestException.usage(
                          "No rule `"
                              + ConsoleText.safe(id)
                              + "`; `migtest rules` lists the lint rules."));
      out.print(page);
    }
    out.flush();
    return 0;
  }
}
