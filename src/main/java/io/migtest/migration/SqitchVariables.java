package io.migtest.migration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The psql variables of {@code sqitch.conf}, which Sqitch passes to psql as {@code --set
 * name=value} so that scripts can use {@code :name}. Each command merges the sections {@code
 * core.variables}, {@code deploy.variables}, its own ({@code verify.variables}, {@code
 * revert.variables}), then the target's, which include the engine's {@code engine.pg.variables} and
 * then {@code target.<name>.variables}; a later section wins ({@code Command/deploy.pm}, {@code
 * verify.pm}, {@code revert.pm} {@code _collect_vars}; {@code Target.pm} {@code variables}).
 * Variable names are in lower case, as Config::GitLike reads keys.
 *
 * @param sections the values of each {@code *.variables} section, keyed by section
 * @param target the target whose {@code target.<name>.variables} apply
 */
record SqitchVariables(Map<String, Map<String, String>> sections, String target) {

  /** The variables of every {@code *.variables} section of {@code entries}. */
  static SqitchVariables of(Map<String, ToolSetting> entries, String target) {
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    entries.forEach(
        (key, setting) -> {
          int marker = key.lastIndexOf(".variables.");
          if (marker > 0) {
            sections
                .computeIfAbsent(
                    key.substring(0, marker + ".variables".length()), s -> new LinkedHashMap<>())
                .put(key.substring(marker + ".variables.".length()), setting.value());
          }
        });
    return new SqitchVariables(sections, target);
  }

  /** The variables Sqitch's {@code command} ({@code deploy}, {@code verify}) passes to psql. */
  Map<String, String> of(String command) {
    Map<String, String> merged = new LinkedHashMap<>();
    for (String section :
        List.of(
            "core.variables",
            "deploy.variables",
            command + ".variables",
            "engine.pg.variables",
            "target." + target + ".variables")) {
      merged.putAll(sections.getOrDefault(section, Map.of()));
    }
    return merged;
  }

  /** True for a key of a section some command reads. */
  boolean reads(String key) {
    return key.startsWith("core.variables.")
        || key.startsWith("deploy.variables.")
        || key.startsWith("verify.variables.")
        || key.startsWith("revert.variables.")
        || key.startsWith("engine.pg.variables.")
        || key.startsWith("target." + target + ".variables.");
  }
}
