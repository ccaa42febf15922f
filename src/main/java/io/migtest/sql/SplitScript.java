package io.migtest.sql;

import io.migtest.finding.Finding;
import java.util.List;

/**
 * The statements of one script, the problems the splitter met (unterminated text, psql commands)
 * and the psql features it uses (meta-commands migtest cannot honour, variable interpolations), in
 * file order.
 */
public record SplitScript(
    List<Statement> statements, List<Finding> problems, List<PsqlFeature> psqlFeatures) {}
