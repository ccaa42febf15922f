package io.migtest.db;

import io.migtest.sql.PsqlClient;
import java.nio.file.Path;

/**
 * Where psql runs for a script, the file name it is given, and the way back from the file names in
 * its messages to project-relative paths.
 *
 * @param root the folder that stands for the project root ({@link PsqlFolders#rootFor})
 * @param scriptFile the script, relative to the project root
 */
record PsqlPaths(PsqlClient client, Path root, String scriptFile) {

  /** The folder psql runs in: the script's folder, or the project root (see PsqlClient). */
  Path workingFolder() {
    return client.runsInFolder() ? folder() : root;
  }

  /**
   * The {@code --file} argument: the script relative to the working folder, as the tool gives it.
   */
  String fileArgument() {
    Path inFolder =
        Path.of(client.folder().displayPath())
            .normalize()
            .relativize(Path.of(scriptFile).normalize());
    return slashes(workingFolder().relativize(folder().resolve(inFolder).normalize()));
  }

  /** The project-relative path of a file psql names (relative to its working folder). */
  String shown(String reported) {
    Path path = workingFolder().resolve(reported).normalize();
    if (!path.startsWith(root)) {
      return reported;
    }
    String inRoot = slashes(root.relativize(path));
    return PsqlFolders.location(client.folder()).isEmpty()
        ? client.folder().displayPath(inRoot)
        : inRoot;
  }

  private Path folder() {
    return root.resolve(PsqlFolders.location(client.folder()));
  }

  private static String slashes(Path path) {
    return path.toString().replace('\\', '/');
  }
}
