package io.migtest.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns a setting stored by {@code ALTER DATABASE|ROLE ... SET} ({@code name=value} in {@code
 * pg_db_role_setting}) back into the {@code SET} clause that stores the same value, as pg_dump does
 * ({@code makeAlterConfigCommand}): list settings such as {@code search_path} are stored flattened
 * ({@code "My Schema", public}) and must be given back as a list of literals, others as one
 * literal.
 */
final class SettingValues {
  /** The settings pg_dump quotes as lists ({@code variable_is_guc_list_quote}). */
  private static final Set<String> LISTS =
      Set.of(
          "local_preload_libraries",
          "search_path",
          "session_preload_libraries",
          "shared_preload_libraries",
          "temp_tablespaces",
          "unix_socket_directories");

  private SettingValues() {}

  /** {@code "name" TO <value>} for {@code ALTER ... SET}. */
  static String clause(String name, String value) {
    String to;
    if (LISTS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
      to = String.join(", ", elements(value).stream().map(ClusterObjects::literal).toList());
      if (to.isEmpty()) {
        to = "''";
      }
    } else {
      to = ClusterObjects.literal(value);
    }
    return ClusterObjects.identifier(name) + " TO " + to;
  }

  /** The elements of a flattened list: comma-separated, each possibly double-quoted. */
  static List<String> elements(String value) {
    List<String> elements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < value.length() && value.charAt(i + 1) == '"') {
          current.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          current.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        any = true;
      } else if (c == ',') {
        elements.add(any ? current.toString() : current.toString().trim());
        current.setLength(0);
        any = false;
      } else if (!Character.isWhitespace(c) || current.length() > 0 && !any) {
        current.append(c);
      }
    }
    if (any || !current.toString().isBlank()) {
      elements.add(any ? current.toString() : current.toString().trim());
    }
    return elements;
  }
}
