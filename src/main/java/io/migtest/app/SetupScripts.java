package io.migtest.app;

import io.migtest.MigtestException;
import io.migtest.config.Config;
import io.migtest.migration.SourceText;
import io.migtest.migration.WorkingTreeFolder;
import io.migtest.sql.PsqlClient;
import io.migtest.sql.SqlScript;
import io.migtest.sql.TransactionMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The setup files ({@code setup:}): SQL that real projects run before their first migration, from
 * outside their migrations folder (roles, schemas, extensions). Each runs like {@code psql -f}:
 * statement by statement, as superuser, with psql itself when it uses psql's commands or variables
 * (its folder is what psql may read).
 */
final class SetupScripts {
  private SetupScripts() {}

  static List<SqlScript> load(Config config) {
    List<SqlScript> scripts = new ArrayList<>();
    Map<Path, PsqlClient> clients = new HashMap<>();
    for (String name : config.setup()) {
      Path file = config.projectDir().resolve(name).normalize();
      String shown = name.replace('\\', '/');
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(file);
      } catch (IOException e) {
        throw MigtestException.usage("Cannot read the setup file " + name + ": " + e.getMessage());
      }
      PsqlClient psql =
          clients.computeIfAbsent(
              file.getParent(),
              folder -> PsqlClient.plain(new WorkingTreeFolder(config.projectDir(), folder)));
      scripts.add(
          SourceText.toScript(shown, SourceText.decode(shown, bytes), TransactionMode.AUTOCOMMIT)
              .withPsql(psql));
    }
    return scripts;
  }
}
