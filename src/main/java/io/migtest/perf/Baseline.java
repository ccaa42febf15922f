package io.migtest.perf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.migtest.MigtestException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The committed performance baseline ({@code .migtest/baseline.json}): per migration file, the
 * median time, WAL, the tables it rewrites and the strongest lock per table, measured at one scale.
 * Written sorted and indented so that a change to it reads well in review.
 */
public record Baseline(int schemaVersion, long scale, Map<String, Entry> migrations) {
  public static final int SCHEMA_VERSION = 1;

  /** What the baseline keeps of one migration. */
  public record Entry(double durationMs, long walBytes, List<String> rewrites, List<Lock> locks) {
    public Entry {
      rewrites = List.copyOf(rewrites);
      locks = List.copyOf(locks);
    }
  }

  /** A table and the strongest lock the migration took on it. */
  public record Lock(String relation, String mode) {}

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public Baseline {
    migrations = Map.copyOf(migrations);
  }

  /**
   * The baseline in {@code file}, or empty when there is none.
   *
   * @throws MigtestException a usage error naming the file when it is not a baseline migtest can
   *     read: never a silent pass on a broken file
   */
  public static Optional<Baseline> read(Path file, String shownAs) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    JsonNode tree;
    try {
      tree = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw broken(
          shownAs,
          "it is not valid JSON (line "
              + e.getLocation().getLineNr()
              + ": "
              + e.getOriginalMessage()
              + ")");
    } catch (IOException e) {
      throw broken(shownAs, "it cannot be read as UTF-8 text (" + e.getMessage() + ")");
    }
    if (tree == null || !tree.isObject()) {
      throw broken(shownAs, "it is not a JSON object");
    }
    JsonNode version = tree.get("schemaVersion");
    if (version == null) {
      throw broken(shownAs, "it has no schemaVersion");
    }
    if (!version.isInt()) {
      throw broken(shownAs, "its schemaVersion is " + version + ", not a whole number");
    }
    if (version.asInt() != SCHEMA_VERSION) {
      throw broken(
          shownAs,
          "its schemaVersion is "
              + version.asInt()
              + " and this migtest reads "
              + SCHEMA_VERSION
              + " (written by another version of migtest)");
    }
    try {
      Baseline baseline = MAPPER.treeToValue(tree, Baseline.class);
      if (baseline.scale() <= 0 || baseline.migrations() == null) {
        throw broken(shownAs, "it has no scale or no migrations");
      }
      return Optional.of(baseline);
    } catch (JsonMappingException e) {
      throw broken(shownAs, "its field " + field(e) + " has the wrong type");
    } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
      throw broken(shownAs, "a field has the wrong type or is missing");
    }
  }

  /** Where in the file Jackson stopped: {@code migrations."V2__a.sql".durationMs}. */
  private static String field(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference step : e.getPath()) {
      if (path.length() > 0) {
        path.append('.');
      }
      String name = step.getFieldName();
      path.append(
          name == null
              ? "[" + step.getIndex() + "]"
              : name.matches("[A-Za-z]+") ? name : "\"" + name + "\"");
    }
    return path.length() == 0 ? "(the top level)" : path.toString();
  }

  /** Writes the baseline to {@code file} through a temporary file beside it. */
  public void write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Path temporary = Files.createTempFile(file.getParent(), ".baseline-", ".json");
    try {
      Files.writeString(temporary, MAPPER.writeValueAsString(this) + "\n", StandardCharsets.UTF_8);
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** This baseline with {@code measured} entries replaced, keeping only files in {@code files}. */
  public Baseline updatedWith(List<MigrationPerformance> measured, long scale, List<String> files) {
    Map<String, Entry> entries = new TreeMap<>();
    if (scale == this.scale) {
      migrations.forEach(
          (file, entry) -> {
            if (files.contains(file)) {
              entries.put(file, entry);
            }
          });
    }
    measured.forEach(m -> entries.put(m.file(), m.entry()));
    return new Baseline(SCHEMA_VERSION, scale, entries);
  }

  private static MigtestException broken(String shownAs, String why) {
    return MigtestException.usage(
        "The performance baseline "
            + shownAs
            + " cannot be used: "
            + why
            + ". Fix or delete it, then run `migtest baseline update` to write a new one.");
  }
}
