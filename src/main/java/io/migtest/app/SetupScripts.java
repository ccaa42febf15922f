package io.migtest.app;

import io.migtest.MigtestException;
import io.migtest.config.Config;
import io.migtest.migration.SourceText;
import io.migtest.sql.SqlScript;
import io.migtest.sql.TransactionMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The setup files ({@code setup:}): SQL that real projects run before their first migration, from
 * outside their migrations folder (roles, schemas, extensions). Each runs like {@code psql -f}:
 * statement by statement, as superuser.
 */
final class SetupScripts {
  private SetupScripts() {}

  static List<SqlScript> load(Config config) {
    List<SqlScript> scripts = new ArrayList<>();
    for (String name : config.setup()) {
      Path file = config.projectDir().resolve(name).normalize();
      String shown = name.replace('\\', '/');
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(file);
      } catch (IOException e) {
        throw MigtestException.usage("Cannot read the setup file " + name + ": " + e.getMessage());
      }
      scripts.add(
          SourceText.toScript(shown, SourceText.decode(shown, bytes), TransactionMode.AUTOCOMMIT));
    }
    return scripts;
  }
}
