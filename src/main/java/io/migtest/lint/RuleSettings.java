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
   * One configured rule.
   *
   * @param source where it is set, e.g. {@code migtest.yml line 7}, for errors
   */
  public record Entry(String rule, String value, String source) {}

  /**
   * The settings of {@code entries}; an unknown rule or setting is a configuration error naming it
   * and where it is set.
   */
  public static RuleSettings of(List<Entry> entries, List<Rule> rules) {
    Map<String, Optional<Severity>> overrides = new HashMap<>();
    for (Entry e : entries) {
      String where = e.source() + ": lint.rules." + e.rule();
      if (rules.stream().noneMatch(r -> r.id().equals(e.rule()))) {
        throw MigtestException.usage(where + " names no rule; `migtest rules` lists the rules.");
      }
      String value = e.value().strip().toLowerCase(Locale.ROOT);
      if (value.equals("off")) {
        overrides.put(e.rule(), Optional.empty());
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
                              + " is `"
                              + e.value()
                              + "`; use one of off, "
                              + Arrays.stream(Severity.values())
                                  .map(Severity::id)
                                  .collect(Collectors.joining(", "))
                              + "."));
      overrides.put(e.rule(), Optional.of(severity));
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
