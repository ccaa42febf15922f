package io.migtest.migration;

import io.migtest.MigtestException;
import io.migtest.process.ChildEnvironment;
import io.migtest.process.CommandResult;
import io.migtest.process.Commands;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the base branch through the {@code git} CLI.
 *
 * <p>migtest runs git as root on a folder the pull request fills, so every call pins what a
 * repository could otherwise make git run: no implicitly found bare repository (a pull request can
 * commit files that make a subfolder look like one, with its own config), no hooks, fsmonitor,
 * custom upload-pack or ssh command. {@code safe.directory} names the repository's own root: in a
 * container action the workspace belongs to another user and git would otherwise refuse it as
 * "dubious ownership".
 */
public final class GitRepository {
  private static final Duration LIMIT = Duration.ofMinutes(2);
  private final Path root;
  private final Map<String, String> env;

  /** Settings that keep git from running anything a repository names. */
  private static final List<String> PINNED =
      List.of(
          "safe.bareRepository=explicit",
          "core.fsmonitor=false",
          "core.hooksPath=/dev/null",
          "core.sshCommand=ssh",
          "remote.origin.uploadpack=git-upload-pack",
          "protocol.ext.allow=never");

  private final String safeDirectory;

  private GitRepository(Path root, Map<String, String> env) {
    this.root = root;
    this.env = env;
    this.safeDirectory = root.toString();
  }

  /**
   * The repository that contains {@code dir}, if {@code dir} is inside a git work tree.
   *
   * @param parentEnv migtest's environment; git gets only {@code PATH} and a locale of it
   */
  public static Optional<GitRepository> find(Path dir, Map<String, String> parentEnv) {
    Map<String, String> env = ChildEnvironment.minimal(parentEnv);
    env.put("GIT_TERMINAL_PROMPT", "0");
    try {
      CommandResult top = git(dir, env, "*", "rev-parse", "--show-toplevel");
      if (!top.succeeded()) {
        return Optional.empty();
      }
      Path root = Path.of(top.output().strip());
      // A work tree has .git (a folder, or a file naming one); anything else is not ours to use.
      if (!Files.exists(root.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
        return Optional.empty();
      }
      return Optional.of(new GitRepository(root, env));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  public Path root() {
    return root;
  }

  /**
   * {@code dir} relative to the repository's root, with {@code /} separators, {@code ""} for the
   * root itself.
   */
  public String pathOf(Path dir) throws IOException {
    return root.toRealPath().relativize(dir.toRealPath()).toString().replace('\\', '/');
  }

  /**
   * The commit id of {@code ref}. In a shallow clone a missing ref is fetched from {@code origin}
   * once; when that fails the error says how to check out the whole history.
   */
  public String resolveCommit(String ref) {
    Optional<String> commit = tryResolve(ref);
    if (commit.isPresent()) {
      return commit.get();
    }
    if (!isShallow()) {
      throw unknownRef(ref, "does not name a commit in " + root);
    }
    String remoteRef = ref.startsWith("origin/") ? ref.substring("origin/".length()) : ref;
    CommandResult fetch =
        run(
            "fetch",
            "--no-tags",
            "--quiet",
            "origin",
            "+" + remoteRef + ":refs/remotes/origin/" + remoteRef);
    // Origin answered and has no such branch or tag: the ref is wrong, not the clone.
    if (fetch.output().contains("couldn't find remote ref")) {
      throw unknownRef(
          ref, "is not in this shallow clone and origin has no branch or tag '" + remoteRef + "'");
    }
    return tryResolve(ref)
        .or(() -> tryResolve("refs/remotes/origin/" + remoteRef))
        .orElseThrow(() -> notFetched(ref));
  }

  /**
   * True when the repository's config holds an HTTP authorization header, as {@code
   * actions/checkout} leaves it by default ({@code persist-credentials}): the token then sits in a
   * file that migrations and tests run by migtest can read.
   */
  public boolean persistsCredentials() {
    CommandResult result = run("config", "--get-regexp", "^http\\..*extraheader$");
    return result.succeeded() && !result.output().isBlank();
  }

  public boolean isShallow() {
    return run("rev-parse", "--is-shallow-repository").output().strip().equals("true");
  }

  /**
   * Files under {@code path} (relative to the repository root) at {@code commit}, relative to it.
   */
  public List<String> listFiles(String commit, String path) {
    String spec = path.isEmpty() ? commit : commit + ":" + path;
    CommandResult result = run("ls-tree", "-r", "-z", "--name-only", spec);
    if (!result.succeeded()) {
      return List.of();
    }
    return Arrays.stream(result.output().split("\0"))
        .filter(name -> !name.isBlank())
        .filter(name -> !name.startsWith(".") && !name.contains("/."))
        .sorted()
        .toList();
  }

  /**
   * The bytes of {@code paths} at {@code commit}, read through one {@code git cat-file --batch}
   * process; a path git does not have is left out of the map.
   */
  public Map<String, byte[]> readFiles(String commit, List<String> paths) throws IOException {
    ProcessBuilder builder =
        ChildEnvironment.apply(
            new ProcessBuilder(command(safeDirectory, "cat-file", "--batch")), env);
    builder.directory(root.toFile());
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process process = builder.start();
    Thread writer =
        new Thread(
            () -> {
              try (OutputStream out = process.getOutputStream()) {
                for (String path : paths) {
                  out.write((commit + ":" + path + "\n").getBytes(StandardCharsets.UTF_8));
                }
              } catch (IOException e) {
                // The reader below sees the short output and reports it.
              }
            },
            "migtest-git-batch");
    writer.setDaemon(true);
    writer.start();
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(process.getInputStream()))) {
      for (String path : paths) {
        String header = readLine(in);
        if (header == null) {
          throw new IOException("git cat-file stopped before " + path);
        }
        String[] parts = header.split(" ");
        if (parts.length == 3 && parts[1].equals("blob")) {
          byte[] content = new byte[Integer.parseInt(parts[2])];
          in.readFully(content);
          in.readByte();
          files.put(path, content);
        } else if (parts.length == 3) {
          in.skipNBytes(Long.parseLong(parts[2]) + 1);
        }
      }
    } finally {
      process.destroy();
    }
    return files;
  }

  private static String readLine(DataInputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      line.write(b);
    }
    return b == -1 && line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
  }

  /** The installed git version, for {@code migtest doctor}. */
  public static Optional<String> version(Map<String, String> parentEnv) {
    try {
      CommandResult result =
          Commands.run(
              List.of("git", "--version"), null, ChildEnvironment.minimal(parentEnv), LIMIT);
      return result.succeeded() ? Optional.of(result.output().strip()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private Optional<String> tryResolve(String ref) {
    CommandResult result = run("rev-parse", "--verify", "--quiet", ref + "^{commit}");
    return result.succeeded() ? Optional.of(result.output().strip()) : Optional.empty();
  }

  private static MigtestException unknownRef(String ref, String problem) {
    return MigtestException.usage(
        "The base ref '"
            + ref
            + "' "
            + problem
            + ". Pass an existing branch, tag or commit to --base (for example origin/main).");
  }

  private static MigtestException notFetched(String ref) {
    return MigtestException.environment(
        "The base ref '"
            + ref
            + "' is not in this shallow clone and could not be fetched. "
            + "Check out the whole history: in the workflow, give actions/checkout "
            + "`fetch-depth: 0`.");
  }

  private CommandResult run(String... args) {
    try {
      return git(root, env, safeDirectory, args);
    } catch (IOException e) {
      throw MigtestException.environment("git failed: " + e.getMessage(), e);
    }
  }

  private static CommandResult git(
      Path dir, Map<String, String> env, String safeDirectory, String... args) throws IOException {
    return Commands.run(command(safeDirectory, args), dir, env, LIMIT);
  }

  private static List<String> command(String safeDirectory, String... args) {
    List<String> command = new ArrayList<>(List.of("git", "-c", "safe.directory=" + safeDirectory));
    PINNED.forEach(setting -> command.addAll(List.of("-c", setting)));
    command.addAll(List.of(args));
    return command;
  }
}
