package io.migtest.db;

import io.migtest.fs.TreeDeletion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** A new temp folder that only one unprivileged account may enter, for a process run as it. */
public final class PrivateFolder {
  private PrivateFolder() {}

  /** Creates the folder under the JVM's temp folder, owned by {@code account}, mode 0700. */
  public static Path create(String prefix, SystemAccount account) throws IOException {
    Path folder = Files.createTempDirectory(prefix);
    Files.setAttribute(folder, "unix:uid", account.uid());
    Files.setAttribute(folder, "unix:gid", account.gid());
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    return folder;
  }

  /** Removes the folder and everything the process left in it. */
  public static void delete(Path folder) {
    TreeDeletion.delete(folder);
  }
}
