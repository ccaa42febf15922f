package io.migtest.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.migtest.MigtestException;
import io.migtest.fs.OutputFolder;
import io.migtest.fs.ProjectBoundary;
import io.migtest.fs.SigningKey;
import io.migtest.mutation.MutationState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mutation gate's state file ({@code mutation.state-file}, default {@code
 * .migtest/state.json}): every mutant's result with the hashes of what it ran on, so a repeated or
 * interrupted run skips the mutants whose results still hold. It lives in the project, where a pull
 * request could commit one that calls every mutant killed: it is signed with the user's {@link
 * SigningKey}, and a file that is corrupt, of another format or signed elsewhere is discarded with
 * a warning, never trusted.
 *
 * @param file where it is kept, inside the project
 * @param project the project's folder, which the file may not lead out of
 * @param keyFolder where the signing key is kept, outside the project
 */
public record MutationStateFile(Path file, Path project, Path keyFolder) {
  static final String FORMAT = "migtest-mutation-state";
  static final int VERSION = 1;
  private static final int MAX_BYTES = 64 << 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What {@link #load} found.
   *
   * @param state the results that may be reused (none when the file was discarded)
   * @param discarded why the file was not used, or null
   */
  public record Loaded(MutationState state, String discarded) {}

  /** The file's path as reports show it, relative to the project. */
  public String name() {
    return project.relativize(file).toString();
  }

  /** The kept results; a file that cannot be trusted gives none and says why. */
  public Loaded load() {
    Optional<byte[]> key = SigningKey.in(keyFolder);
    if (key.isEmpty() || !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return new Loaded(MutationState.empty(), null);
    }
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
        || !ProjectBoundary.of(project).contains(file)) {
      return discarded("it is not a regular file inside the project");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      return discarded("it cannot be read (" + e.getMessage() + ")");
    }
    if (bytes.length > MAX_BYTES) {
      return discarded("it is larger than " + (MAX_BYTES >> 20) + " MB");
    }
    try {
      JsonNode root = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
      if (root == null
          || !root.isObject()
          || !FORMAT.equals(root.path("format").asText())
          || !root.path("mutants").isObject()) {
        return discarded("it is not a migtest mutation state file");
      }
      if (root.path("version").asInt() != VERSION) {
        return discarded("it was written in another format version by another migtest");
      }
      if (!SigningKey.sign(key.get(), JSON.writeValueAsString(root.get("mutants")))
          .equals(root.path("signature").asText())) {
        return discarded(
            "its signature does not match this machine's key: it was written elsewhere or"
                + " edited");
      }
      Map<String, MutationState.Entry> entries =
          JSON.convertValue(root.get("mutants"), new TypeReference<>() {});
      return new Loaded(MutationState.of(entries), null);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return discarded("it is corrupt (" + e.getMessage().lines().findFirst().orElse("") + ")");
    }
  }

  /**
   * Writes {@code state} atomically (a run killed while writing leaves the previous file); a folder
   * that cannot take it is left alone, since the file only saves time.
   */
  public void save(MutationState state) {
    Optional<byte[]> key = SigningKey.in(keyFolder);
    if (key.isEmpty()) {
      return;
    }
    try {
      JsonNode mutants = JSON.valueToTree(state.entries());
      ObjectNode root = JSON.createObjectNode();
      root.put("format", FORMAT);
      root.put("version", VERSION);
      root.put("signature", SigningKey.sign(key.get(), JSON.writeValueAsString(mutants)));
      root.set("mutants", mutants);
      OutputFolder.prepare(
              file.getParent(),
              List.of(project),
              List.of(file.getFileName().toString()),
              new OutputFolder.Role("mutation state folder", "set mutation.state-file: off"))
          .write(
              file.getFileName().toString(),
              JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    } catch (MigtestException | IOException e) {
      // A read-only checkout, or a link in the file's place: the next run starts afresh.
    }
  }

  private Loaded discarded(String why) {
    return new Loaded(
        MutationState.empty(),
        "The mutation state file "
            + name()
            + " was discarded: "
            + why
            + ". Every mutant runs again; the file is written afresh.");
  }
}
