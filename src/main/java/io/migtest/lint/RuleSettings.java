package io.migtest.lint;

import io.migtest.MigtestException;
import io.migtest.finding.Severity;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which rules run and how severe their findings are, from the {@code lint.rules} section of
 * migtest.yml: {@code <rule-id>: off | error | warning | info}. Rules not named keep their default.
 */
public final class RuleSettings {
  public static final RuleSettings DEFAULTS = new RuleSettings(Map.of());

  private final Map<String, Optional<Severity>> overrides;

  private RuleSettings(Map<String, Optional<Severity>> overrides) {
    this.overrides = overrides;
  }

  /**
   * The settings in {@code values} (rule id to setting); an unknown rule or setting is a
   * configuration error naming it.
   *
   * @param where where the values come from, for the error
   */
  public static RuleSettings of(Map<String, String> values, List<Rule> rules, String where) {
    Map<String, Optional<Severity>> overrides = new HashMap<>();
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (rules.stream().noneMatch(r -> r.id().equals(e.getKey()))) {
        throw MigtestException.usage(
            where
                + " names the rule `"
                + e.getKey()
                + "`, which does not exist; `migtest rules` lists the rules.");
      }
      String value = e.getValue().strip().toLowerCase(Locale.ROOT);
      if (value.equals("off")) {
        overrides.put(e.getKey(), Optional.empty());
        continue;
      }
      Severity severity =
          Arrays.stream(Severity.values())
              .filter(s -> s.id().equals(value))
              .findFirst()
              .orElseThrow(
                  () ->
                      MigtestException.usage(
                          where
                              + " sets rule `"
                              + e.getKey()
                              + "` to `"
                              + e.getValue()
                              + "`; use one of off, "
                              + Arrays.stream(Severity.values())
                                  .map(Severity::id)
                                  .collect(Collectors.joining(", "))
                              + "."));
      overrides.put(e.getKey(), Optional.of(severity));
    }
    return new RuleSettings(Map.copyOf(overrides));
  }

  public boolean enabled(Rule rule) {
    return overrides.getOrDefault(rule.id(), Optional.of(rule.severity())).isPresent();
  }

  /** The rule's severity here; only asked of enabled rules. */
  public Severity severity(Rule rule) {
    return overrides.getOrDefault(rule.id(), Optional.of(rule.severity())).orElseThrow();
  }
}
