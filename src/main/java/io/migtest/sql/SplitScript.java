package io.migtest.sql;

import io.migtest.finding.Finding;
import io.migtest.finding.Severity;
import java.util.List;

/**
 * The statements of one script and the problems the splitter met (unterminated text, psql
 * commands).
 */
public record SplitScript(List<Statement> statements, List<Finding> problems) {

  /** True when a problem means the script cannot run as the author meant it. */
  public boolean hasErrors() {
    return problems.stream().anyMatch(p -> p.severity() == Severity.ERROR);
  }
}
