package io.migtest.db;

import io.migtest.finding.Finding;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * SQL a migration tool runs together with each script, in the script's transaction when it has one:
 * the row that records the migration in the tool's history table.
 *
 * @param failure the finding to report when the epilogue itself fails
 */
public record Epilogue(String sql, Function<SQLException, Finding> failure) {}
