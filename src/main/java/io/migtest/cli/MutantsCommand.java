package io.migtest.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.migtest.MigtestException;
import io.migtest.mutation.Category;
import io.migtest.mutation.Operator;
import io.migtest.mutation.operators.Operators;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code migtest mutants [ID] [--json]}: the mutation operators. */
@Command(
    name = "mutants",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the mutation operators: id, category, severity of a survivor, what it changes.",
      "",
      "With an id, prints that operator and the test that kills its mutants. SCHEMA, DATA and"
          + " PERFORMANCE operators mutate up scripts, ROLLBACK operators down scripts."
    })
public final class MutantsCommand implements Callable<Integer> {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "An operator id.")
  String id;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<Operator> shown =
        id == null
            ? Operators.ALL
            : List.of(
                Operators.byId(id)
                    .orElseThrow(
                        () ->
                            MigtestException.usage(
                                "No mutation operator `"
                                    + ConsoleText.safe(id)
                                    + "`; `migtest mutants` lists them.")));
    if (json) {
      try {
        out.println(JSON.writeValueAsString(shown.stream().map(MutantsCommand::asJson).toList()));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    } else if (id != null) {
      Operator operator = shown.get(0);
      out.printf(
          Locale.ROOT,
          "%s  %s, %s, mutates %s scripts%n%s%nKilled by: %s%n",
          operator.id(),
          operator.category(),
          operator.impact(),
          operator.part().name().toLowerCase(Locale.ROOT),
          operator.description(),
          operator.killedBy());
    } else {
      table(out);
    }
    out.flush();
    return 0;
  }

  private static void table(PrintWriter out) {
    for (Category category : Category.values()) {
      out.println(category + ": " + category.covers());
      for (Operator operator : Operators.ALL) {
        if (operator.category() == category) {
          out.printf(
              Locale.ROOT,
              "  %-8s %-8s  %s%n",
              operator.id(),
              operator.impact(),
              operator.description());
        }
      }
      out.println();
    }
    out.println(
        Operators.ALL.size()
            + " operators. `migtest mutants <id>` shows the test that kills one's mutants.");
  }

  private static Map<String, String> asJson(Operator operator) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("id", operator.id());
    fields.put("category", operator.category().name());
    fields.put("severity", operator.impact().name());
    fields.put("part", operator.part().name().toLowerCase(Locale.ROOT));
    fields.put("description", operator.description());
    fields.put("killedBy", operator.killedBy());
    return fields;
  }
}
