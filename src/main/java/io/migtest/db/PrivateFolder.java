package io.migtest.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** A new temp folder that only one unprivileged account may enter, for a process run as it. */
public final class PrivateFolder {
  private PrivateFolder() {}

  /**
   * Creates the folder in {@code root} (made if absent), owned by {@code account}, mode 0700. Its
   * name carries this process, so a later run removes it should migtest be killed.
   */
  public static Path create(Path root, String kind, SystemAccount account) throws IOException {
    Path folder = Files.createTempDirectory(checkedRoot(root), StaleFolders.prefix(kind));
    Files.setAttribute(folder, "unix:uid", account.uid());
    Files.setAttribute(folder, "unix:gid", account.gid());
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    return folder;
  }

  /**
   * Creates a folder like {@link #create}, but owned by this process and only readable by {@code
   * account}'s group (mode 0750): what is put there, the account can read and not change.
   */
  static Path createReadOnly(Path root, String kind, SystemAccount account) throws IOException {
    Path folder = Files.createTempDirectory(checkedRoot(root), StaleFolders.prefix(kind));
    Files.setAttribute(folder, "unix:gid", account.gid());
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-x---"));
    return folder;
  }

  /** {@code root}, made if absent, after checking it is this process's and sweeping it. */
  private static Path checkedRoot(Path root) throws IOException {
    Files.createDirectories(root);
    int owner = (Integer) Files.getAttribute(root, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    if (Files.isSymbolicLink(root) || owner != LaunchPlanner.currentUid()) {
      throw new IOException(root + " belongs to another user or is a link; remove it");
    }
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
    StaleFolders.sweep(root);
    return root;
  }
}
