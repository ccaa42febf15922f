package io.migtest.migration;

import io.migtest.sql.SqlScript;
import java.util.List;
import java.util.Optional;

/**
 * The SQL callbacks of one revision of a Flyway history, in the order Flyway runs those of one
 * event; no other layout has any.
 *
 * @param all every callback file found, by event, then as Flyway orders one event's files
 */
public record Callbacks(List<Callback> all) {
  /** A history without callbacks. */
  public static final Callbacks NONE = new Callbacks(List.of());

  public Callbacks {
    all = List.copyOf(all);
  }

  /** One callback file and the event it is for. */
  public record Callback(CallbackEvent event, SqlScript script) {}

  /** The scripts of {@code event}, in the order Flyway runs them. */
  public List<SqlScript> of(CallbackEvent event) {
    return all.stream().filter(c -> c.event() == event).map(Callback::script).toList();
  }

  /** The event of the callback in {@code file} (project-relative), if it is one. */
  public Optional<CallbackEvent> eventOf(String file) {
    return all.stream().filter(c -> c.script().file().equals(file)).map(Callback::event).findAny();
  }

  /** The callbacks {@code flyway migrate} would run, whether migtest runs them or notes them. */
  public List<Callback> inMigrate() {
    return all.stream()
        .filter(c -> c.event().handling() != CallbackEvent.Handling.OTHER_COMMAND)
        .toList();
  }

  /** Those Flyway fires for each migration ({@link CallbackEvent#eachMigration()}). */
  public Callbacks eachMigration() {
    return new Callbacks(all.stream().filter(c -> c.event().eachMigration()).toList());
  }

  public boolean isEmpty() {
    return all.isEmpty();
  }
}
