package io.migtest.lint;

import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import io.migtest.migration.Callbacks;
import io.migtest.migration.MigrationComparison;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The hygiene rules of a migrations folder, which need no database: files the layout does not
 * recognise, duplicate versions, gaps, missing scripts, migrations edited after they reached the
 * base branch or ordered before its newest, and files (migrations and callbacks) that cannot be
 * read as UTF-8 text.
 */
public final class HygieneCheck {
  /** Problems of a single file that are about the file itself, not about running it. */
  private static final Set<String> FILE_RULES =
      Set.of(
          RuleId.UNREADABLE_FILE,
          RuleId.FILE_TOO_LARGE,
          RuleId.BINARY_FILE,
          RuleId.INVALID_ENCODING,
          RuleId.EMPTY_MIGRATION,
          RuleId.UNKNOWN_PLACEHOLDER,
          RuleId.MISSING_UP,
          RuleId.MIGRATION_FILE_REFUSED);

  private HygieneCheck() {}

  /** The hygiene findings of the pull request's migrations, in folder then file order. */
  public static List<Finding> check(MigrationComparison migrations) {
    List<Finding> findings = new ArrayList<>(migrations.head().problems());
    findings.addAll(migrations.findings());
    Stream.concat(
            migrations.head().migrations().stream().flatMap(m -> Stream.of(m.up(), m.down())),
            migrations.head().callbacks().all().stream().map(Callbacks.Callback::script))
        .filter(Objects::nonNull)
        .flatMap(script -> script.problems().stream())
        .filter(f -> FILE_RULES.contains(f.rule()))
        .forEach(findings::add);
    return findings;
  }
}
