package io.migtest.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * A TOML configuration file (flyway.toml, diesel.toml) read with Jackson's TOML module, and the
 * lines its keys stand on: the parser keeps no locations for values.
 */
final class TomlText {
  private static final TomlMapper TOML = new TomlMapper();

  private final String name;
  private final List<String> lines;

  private TomlText(String name, String text) {
    this.name = name;
    this.lines = text.lines().toList();
  }

  /** The document, or empty after adding the parse error to {@code problems}. */
  static Optional<JsonNode> parse(String name, String text, List<Finding> problems) {
    try {
      return Optional.of(TOML.readTree(text));
    } catch (JsonProcessingException e) {
      problems.add(
          Finding.error(
              RuleId.TOOL_CONFIG,
              name,
              e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
              name
                  + " is not valid TOML ("
                  + e.getOriginalMessage().lines().findFirst().orElse("")
                  + "): the tool refuses it."));
      return Optional.empty();
    }
  }

  static TomlText of(String name, String text) {
    return new TomlText(name, text);
  }

  /** {@code name line N} for {@code key} in the table {@code table} (dotted), or just the name. */
  String source(String table, String key) {
    int line = lineOf(table, key);
    return line == 0 ? name : name + " line " + line;
  }

  /**
   * The line of {@code key} in {@code table}, or 0 when a layout this simple scan misses holds it.
   */
  int lineOf(String table, String key) {
    String current = "";
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith("[") && !line.startsWith("[[")) {
        current = unquoted(line.substring(1, Math.max(1, line.indexOf(']'))));
      } else if (line.contains("=")) {
        String written = unquoted(line.substring(0, line.indexOf('=')));
        String full = current.isEmpty() ? written : current + "." + written;
        String wanted = table.isEmpty() ? key : table + "." + key;
        if (full.equals(wanted)) {
          return i + 1;
        }
      }
    }
    return 0;
  }

  /** A value as text: arrays joined with commas, as Flyway's conf form writes them. */
  static String text(JsonNode value) {
    if (value.isArray()) {
      return StreamSupport.stream(value.spliterator(), false)
          .map(JsonNode::asText)
          .collect(Collectors.joining(","));
    }
    return value.asText();
  }

  private static String unquoted(String dotted) {
    return dotted.replace("\"", "").replace("'", "").replaceAll("\\s*\\.\\s*", ".").strip();
  }
}
