package io.migtest.migration;

import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import io.migtest.sql.SqlScript;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Flyway's SQL callback files: an event id, an optional {@code __description}, {@code .sql}, in any
 * subfolder of the locations ({@code SqlScriptCallbackFactory}, {@code ResourceNameParser}).
 */
final class FlywayCallbackFiles {
  private static final String SUFFIX = ".sql";
  private static final String SEPARATOR = "__";

  private FlywayCallbackFiles() {}

  /** One callback file as Flyway names it. */
  private record Named(String path, CallbackEvent event, String description) {}

  /** True when Flyway reads a file of this name as a callback. */
  static boolean isCallback(String fileName) {
    return named("", fileName).isPresent();
  }

  /**
   * The callbacks in {@code folder}, ordered as Flyway runs one event's: by description, the file
   * without one first. Two files of the same name are an error, as Flyway refuses them; it is added
   * to {@code problems}.
   *
   * @param reader reads a callback file as the layout reads its scripts
   */
  static Callbacks read(
      SourceFolder folder, List<Finding> problems, Function<String, SqlScript> reader) {
    List<Named> found = new ArrayList<>();
    Map<String, String> pathByName = new HashMap<>();
    for (String path : folder.files()) {
      Optional<Named> callback = named(path, LayoutSupport.fileName(path));
      if (callback.isEmpty()) {
        continue;
      }
      found.add(callback.get());
      String other = pathByName.putIfAbsent(LayoutSupport.fileName(path), path);
      if (other != null) {
        problems.add(
            Finding.error(
                RuleId.DUPLICATE_CALLBACK,
                folder.displayPath(path),
                0,
                "Flyway refuses two SQL callbacks of the same name (\"Found more than 1 SQL"
                    + " callback script called ...\"); the other is "
                    + folder.displayPath(other)
                    + ". Rename or remove one."));
      }
    }
    found.sort(
        Comparator.comparing(Named::event)
            .thenComparing(Named::description)
            .thenComparing(Named::path));
    List<Callbacks.Callback> callbacks = new ArrayList<>();
    for (Named callback : found) {
      SqlScript script = reader.apply(callback.path());
      callbacks.add(new Callbacks.Callback(callback.event(), noted(script, callback.event())));
    }
    return new Callbacks(callbacks);
  }

  private static Optional<Named> named(String path, String fileName) {
    if (!fileName.endsWith(SUFFIX)) {
      return Optional.empty();
    }
    String stem = fileName.substring(0, fileName.length() - SUFFIX.length());
    return CallbackEvent.prefixOf(stem)
        .flatMap(
            event -> {
              String rest = stem.substring(event.id().length());
              if (!rest.isEmpty() && !rest.startsWith(SEPARATOR)) {
                return Optional.empty();
              }
              String description = rest.isEmpty() ? "" : rest.substring(SEPARATOR.length());
              return Optional.of(new Named(path, event, description.replace('_', ' ')));
            });
  }

  /** A callback Flyway's migrate runs and migtest does not carries a note saying so. */
  private static SqlScript noted(SqlScript script, CallbackEvent event) {
    String why =
        switch (event.handling()) {
          case PER_STATEMENT ->
              "Flyway runs it around every statement of every migration, and migtest sends a"
                  + " migration's statements together.";
          case ON_FAILURE ->
              "Flyway runs it only after a failure, and migtest stops at the failure and reports"
                  + " it.";
          case RUN, OTHER_COMMAND -> null;
        };
    if (why == null) {
      return script;
    }
    return script.withProblem(
        Finding.info(
            RuleId.CALLBACK_NOT_RUN,
            script.file(),
            0,
            "migtest does not run " + event.id() + " callbacks: " + why));
  }
}
