package io.migtest.cli;

import io.migtest.MigtestException;
import io.migtest.schema.SchemaChange;
import io.migtest.schema.SchemaDiff;
import io.migtest.schema.SchemaSnapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code migtest diff A B}: what differs between two schema snapshots, in words. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Prints how the schema in snapshot B differs from the one in snapshot A.",
      "",
      "A and B are files written by `migtest snapshot`. Lists objects missing or added, and each"
          + " changed property"
          + " (\"column `public.orders.note`: NOT NULL added\"). Column positions that differ are"
          + " listed apart: a column dropped and added again goes last."
    },
    footer = {"", "Exit codes: 0 the schemas are equal, 1 they differ, 2 usage error."})
public final class DiffCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "A", description = "The first snapshot file.")
  Path first;

  @Parameters(index = "1", paramLabel = "B", description = "The second snapshot file.")
  Path second;

  @Override
  public Integer call() {
    List<SchemaChange> changes = SchemaDiff.between(read(first), read(second));
    PrintWriter out = spec.commandLine().getOut();
    List<SchemaChange> structural = changes.stream().filter(c -> !c.positionOnly()).toList();
    List<SchemaChange> positions = changes.stream().filter(SchemaChange::positionOnly).toList();
    if (changes.isEmpty()) {
      out.println("The schemas are equal.");
    }
    structural.forEach(c -> out.println("  " + c.description()));
    if (!positions.isEmpty()) {
      out.println("Column positions only:");
      positions.forEach(c -> out.println("  " + c.description()));
    }
    out.flush();
    return changes.isEmpty() ? 0 : 1;
  }

  private static SchemaSnapshot read(Path file) {
    String json;
    try {
      json = Files.readString(file);
    } catch (IOException e) {
      throw MigtestException.usage("Cannot read the snapshot " + file + ": " + e.getMessage());
    }
    return SchemaSnapshot.fromJson(json)
        .orElseThrow(
            () ->
                MigtestException.usage(
                    file
                        + " is not a schema snapshot of this migtest version; write one with"
                        + " `migtest snapshot --output "
                        + file
                        + "`."));
  }
}
