package io.migtest.app;

import io.migtest.MigtestException;
import io.migtest.config.Config;
import io.migtest.fs.OutputFolder;
import io.migtest.fs.ProjectBoundary;
import io.migtest.fs.SigningKey;
import io.migtest.sql.ParseCache;
import io.migtest.sql.ParseOutcome;
import io.migtest.sql.ParsedScripts;
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
 * Where the parse cache lives: {@code .migtest/cache/parse.txt} in the project (safe to delete; add
 * {@code .migtest/} to {@code .gitignore}), signed with the user's {@link SigningKey}, which a
 * repository cannot reach. The cache only saves time: any problem with it means parsing again,
 * never an error.
 */
final class ParseCacheFile {
  static final String FOLDER = ".migtest/cache";
  static final String FILE = "parse.txt";
  private static final int MAX_BYTES = 64 << 20;

  private final Path project;
  private final ParseCache cache;

  /** How many outcomes {@link #load} found: a run that adds none and uses all need not save. */
  private int loaded;

  private ParseCacheFile(Path project, ParseCache cache) {
    this.project = project;
    this.cache = cache;
  }

  /** The cache of the run's project, or empty when no signing key can be kept. */
  static Optional<ParseCacheFile> of(Config config) {
    return SigningKey.folder(config.environment())
        .flatMap(SigningKey::in)
        .map(key -> new ParseCacheFile(config.projectDir(), new ParseCache(key)));
  }

  /** The outcomes this key signed, or none. */
  Map<String, ParseOutcome> load() {
    Path file = project.resolve(FOLDER).resolve(FILE);
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
        || !ProjectBoundary.of(project).contains(file)) {
      return Map.of();
    }
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      Map<String, ParseOutcome> outcomes =
          bytes.length > MAX_BYTES
              ? Map.of()
              : cache.read(new String(bytes, StandardCharsets.UTF_8));
      loaded = outcomes.size();
      return outcomes;
    } catch (IOException e) {
      return Map.of();
    }
  }

  /**
   * Writes the outcomes of this run, unless the file already holds exactly them; a folder that
   * cannot take it is left alone.
   */
  void save(ParsedScripts parsed) {
    if (parsed.parsedNow() == 0 && parsed.knownFromCache() == loaded) {
      return;
    }
    try {
      OutputFolder folder =
          OutputFolder.prepare(
              project.resolve(FOLDER),
              List.of(project),
              List.of(FILE),
              new OutputFolder.Role("cache folder", "delete it"));
      folder.write(FILE, cache.write(parsed.outcomes()));
    } catch (MigtestException | IOException e) {
      // The cache is an optimisation: a read-only checkout or a link in its place skips it.
    }
  }
}
