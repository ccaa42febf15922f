package io.migtest.migration;

import com.fasterxml.jackson.databind.JsonNode;
import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Flyway's {@code flyway.toml}: the {@code [flyway]} table, then the environment that {@code
 * flyway.environment} names ({@code default} unless set): its {@code schemas} and {@code initSql},
 * and its {@code [environments.<name>.flyway]} table, whose keys win ({@code
 * ClassicConfiguration.getEnvironmentOverrides}); its placeholders replace the whole map.
 */
final class FlywayTomlFile {
  private static final String DEFAULT_ENVIRONMENT = "default";

  private FlywayTomlFile() {}

  /** The settings migtest reads, keyed as in {@code flyway.conf} without the namespace. */
  static Map<String, ToolSetting> read(String name, String text, List<Finding> problems) {
    Optional<JsonNode> parsed = TomlText.parse(name, text, problems);
    if (parsed.isEmpty()) {
      return Map.of();
    }
    JsonNode root = parsed.get();
    TomlText lines = TomlText.of(name, text);
    Map<String, ToolSetting> settings = new LinkedHashMap<>();
    JsonNode flyway = root.path("flyway");
    take(settings, flyway, "flyway", lines);
    String environment = flyway.path("environment").asText("").strip();
    if (environment.isEmpty()) {
      environment = DEFAULT_ENVIRONMENT;
    }
    String table = "environments." + environment;
    JsonNode selected = root.path("environments").path(environment);
    if (selected.isMissingNode() && !environment.equals(DEFAULT_ENVIRONMENT)) {
      problems.add(
          Finding.error(
              RuleId.TOOL_CONFIG,
              name,
              lines.lineOf("flyway", "environment"),
              "Environment '"
                  + environment
                  + "' not found: Flyway refuses to run. Add ["
                  + table
                  + "] or name an environment that exists."));
    }
    settings.put(
        "environment",
        new ToolSetting("flyway.environment", environment, lines.source("flyway", "environment")));
    for (String key : List.of("schemas", "initSql")) {
      if (selected.hasNonNull(key)) {
        settings.put(
            key,
            new ToolSetting(
                table + "." + key, TomlText.text(selected.get(key)), lines.source(table, key)));
      }
    }
    JsonNode overrides = selected.path("flyway");
    if (overrides.has("placeholders")) {
      settings.keySet().removeIf(key -> key.startsWith(FlywaySettings.PLACEHOLDERS));
    }
    take(settings, overrides, table + ".flyway", lines);
    return settings;
  }

  private static void take(
      Map<String, ToolSetting> settings, JsonNode table, String path, TomlText lines) {
    for (Iterator<Map.Entry<String, JsonNode>> it = table.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = field.getKey();
      if (key.equals("placeholders") && field.getValue().isObject()) {
        String placeholders = path + ".placeholders";
        field
            .getValue()
            .fields()
            .forEachRemaining(
                p ->
                    settings.put(
                        FlywaySettings.PLACEHOLDERS + p.getKey(),
                        new ToolSetting(
                            placeholders + "." + p.getKey(),
                            TomlText.text(p.getValue()),
                            lines.source(placeholders, p.getKey()))));
      } else if (FlywaySettings.reads(key) && !field.getValue().isObject()) {
        settings.put(
            key,
            new ToolSetting(
                path + "." + key, TomlText.text(field.getValue()), lines.source(path, key)));
      }
    }
  }
}
