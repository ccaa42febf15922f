package io.migtest.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** An entry of {@code /etc/passwd}: PostgreSQL refuses root, so root hands it one of these. */
public record SystemAccount(String name, int uid, int gid) {
  /** Accounts tried in order: ours (the Docker image creates it), PostgreSQL's, then nobody. */
  static final List<String> PREFERRED = List.of("migtest", "postgres", "nobody");

  /** The account to run PostgreSQL as, by name ({@code MIGTEST_POSTGRES_USER}) or preference. */
  static Optional<SystemAccount> find(Path passwd, String requested) {
    List<SystemAccount> accounts = read(passwd);
    List<String> names = requested == null || requested.isBlank() ? PREFERRED : List.of(requested);
    for (String name : names) {
      Optional<SystemAccount> account =
          accounts.stream().filter(a -> a.name().equals(name) && a.uid() != 0).findFirst();
      if (account.isPresent()) {
        return account;
      }
    }
    return Optional.empty();
  }

  /** The account this process runs as: a child run without root runs as it too. */
  static SystemAccount current() {
    int gid;
    try {
      gid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:gid");
    } catch (IOException | UnsupportedOperationException e) {
      gid = -1;
    }
    return new SystemAccount(System.getProperty("user.name"), LaunchPlanner.currentUid(), gid);
  }

  private static List<SystemAccount> read(Path passwd) {
    try {
      return Files.readAllLines(passwd).stream()
          .map(line -> line.split(":"))
          .filter(f -> f.length >= 4 && f[2].matches("\\d+") && f[3].matches("\\d+"))
          .map(f -> new SystemAccount(f[0], Integer.parseInt(f[2]), Integer.parseInt(f[3])))
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
