package io.migtest.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether an account can read a folder, from the owner, group and mode of it and its parents. */
final class FileAccess {
  private static final int READ = 4;
  private static final int SEARCH = 1;

  private FileAccess() {}

  /**
   * True when {@code account} (its own group only, as {@code setpriv --clear-groups} leaves it) can
   * enter every folder down to {@code folder} and read it.
   */
  static boolean readable(Path folder, SystemAccount account) {
    try {
      Path real = folder.toRealPath();
      if (!allows(real, account, READ | SEARCH)) {
        return false;
      }
      for (Path parent = real.getParent(); parent != null; parent = parent.getParent()) {
        if (!allows(parent, account, SEARCH)) {
          return false;
        }
      }
      return true;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  private static boolean allows(Path path, SystemAccount account, int wanted) throws IOException {
    if (account.uid() == 0) {
      return true;
    }
    int mode = (Integer) Files.getAttribute(path, "unix:mode");
    int uid = (Integer) Files.getAttribute(path, "unix:uid");
    int gid = (Integer) Files.getAttribute(path, "unix:gid");
    int shift = uid == account.uid() ? 6 : gid == account.gid() ? 3 : 0;
    return ((mode >> shift) & wanted) == wanted;
  }
}
