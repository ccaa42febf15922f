package io.migtest.migration;

import io.migtest.finding.Finding;
import java.util.List;

/**
 * What migtest read from a migration tool's own configuration files: the settings it took, for
 * {@code migtest doctor}, and the problems of those files, which the lint gate reports.
 *
 * @param files the files read, e.g. {@code flyway.conf}; empty when there were none
 */
public record ToolConfig(List<String> files, List<ToolSetting> taken, List<Finding> problems) {
  /** No configuration file: the tool's defaults. */
  public static final ToolConfig NONE = new ToolConfig(List.of(), List.of(), List.of());

  public ToolConfig {
    files = List.copyOf(files);
    taken = List.copyOf(taken);
    problems = List.copyOf(problems);
  }
}
