package io.migtest.sql;

import io.migtest.finding.Finding;
import java.util.List;

/**
 * The statements of one script and the problems the splitter met (unterminated text, psql
 * commands).
 */
public record SplitScript(List<Statement> statements, List<Finding> problems) {}
