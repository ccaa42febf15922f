package io.migtest.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A second copy of the empty cluster, baked into the container image beside the kept one ({@code
 * <binaries>.single-use}), whose {@code data/} already belongs to the server's account: the first
 * server of a container starts from it in place and skips the copy, which is most of a cold start's
 * file writes. A container starts from its image every time, so each job finds it unused.
 *
 * <p>The folder itself belongs to migtest's user and is closed to others; the first server claims
 * the cluster by creating {@code claimed} in it, which the server's account cannot do or undo, so
 * no later server in the same container (whose migrations could have changed the data) starts from
 * it again: they copy the kept cluster. A folder that is not closed, a data folder of another
 * account or open to others, or one made by other binaries or options is not used.
 *
 * @param data the data folder, used in place and removed with the server
 * @param password the superuser password it was made with, replaced before anyone uses the server
 */
record SingleUseCluster(Path data, String password) {
  private static final String DATA = "data";
  private static final String CLAIMED = "claimed";

  /** Where the copy for {@code binaries} lives. */
  static Path folderFor(Path binaries) {
    return binaries.resolveSibling(binaries.getFileName() + ".single-use");
  }

  /**
   * Claims the unused copy in {@code folder} made with {@code stamp} for a server that runs as
   * {@code account} (null: as this process's user), or nothing.
   */
  static Optional<SingleUseCluster> claim(Path folder, String stamp, SystemAccount account) {
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try {
      Optional<String> password = PristineCluster.readTrusted(folder, stamp);
      if (password.isEmpty() || !ownedByServer(folder.resolve(DATA), account)) {
        return Optional.empty();
      }
      Files.createFile(folder.resolve(CLAIMED));
      return Optional.of(new SingleUseCluster(folder.resolve(DATA), password.get()));
    } catch (IOException e) {
      // Claimed already (FileAlreadyExistsException) or unreadable: the kept cluster is copied.
      return Optional.empty();
    }
  }

  /** A folder, not a link, owned by the server's account and closed to everyone else. */
  private static boolean ownedByServer(Path data, SystemAccount account) throws IOException {
    if (!Files.isDirectory(data, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    int owner = (Integer) Files.getAttribute(data, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    int mode = (Integer) Files.getAttribute(data, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    int expected = account == null ? LaunchPlanner.currentUid() : account.uid();
    return owner == expected && (mode & 0077) == 0;
  }
}
