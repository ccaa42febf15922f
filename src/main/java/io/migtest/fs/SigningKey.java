package io.migtest.fs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key migtest signs the files it keeps in a project with (the parse cache, the mutation state):
 * 32 random bytes in the user's cache folder ({@code $XDG_CACHE_HOME/migtest} or {@code
 * ~/.cache/migtest}), which a repository cannot reach, so a file a pull request commits in their
 * place is never taken for one migtest wrote.
 */
public final class SigningKey {
  private static final String FILE = "signing.key";

  private SigningKey() {}

  /** The folder the key lives in, or empty when the environment names no home. */
  public static Optional<Path> folder(Map<String, String> env) {
    String base = env.get("XDG_CACHE_HOME");
    if (base == null || base.isBlank()) {
      String home = env.get("HOME");
      if (home == null || home.isBlank()) {
        return Optional.empty();
      }
      base = Path.of(home, ".cache").toString();
    }
    return Optional.of(Path.of(base, "migtest"));
  }

  /**
   * The key in {@code folder}, created on first use readable only by its owner; empty when it
   * cannot be kept there.
   */
  public static synchronized Optional<byte[]> in(Path folder) {
    Path file = folder.resolve(FILE);
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(folder);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path temp = Files.createTempFile(folder, "key-", ".tmp");
        Files.write(temp, key);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      }
      byte[] key = Files.readAllBytes(file);
      return key.length == 32 ? Optional.of(key) : Optional.empty();
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  /** The HMAC-SHA256 of {@code text} under {@code key}, in hex. */
  public static String sign(byte[] key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
