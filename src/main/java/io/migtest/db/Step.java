package io.migtest.db;

import io.migtest.sql.SqlScript;
import io.migtest.sql.Statement;
import java.util.List;

/** One statement of a run of scripts, with the script it belongs to (for a failure's file). */
record Step(SqlScript script, Statement statement) {

  /** The statements of {@code scripts}, in order. */
  static List<Step> of(List<SqlScript> scripts) {
    return scripts.stream()
        .flatMap(s -> s.split().statements().stream().map(statement -> new Step(s, statement)))
        .toList();
  }
}
