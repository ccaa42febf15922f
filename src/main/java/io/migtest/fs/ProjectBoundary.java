package io.migtest.fs;

import io.migtest.MigtestException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The project folder as a trust boundary: paths that the repository chooses (in {@code
 * migtest.yml}, or by committing a symbolic link) must resolve, after links, inside it.
 */
public final class ProjectBoundary {
  /** As many links as Linux follows before it gives up (ELOOP). */
  private static final int MAX_LINKS = 40;

  private final Path project;
  private final Path realProject;

  private ProjectBoundary(Path project, Path realProject) {
    this.project = project;
    this.realProject = realProject;
  }

  /** The boundary of {@code projectDir}, which must exist. */
  public static ProjectBoundary of(Path projectDir) {
    Path project = projectDir.toAbsolutePath().normalize();
    try {
      return new ProjectBoundary(project, project.toRealPath());
    } catch (IOException e) {
      throw MigtestException.usage(
          "Project folder " + project + " does not exist or is not a folder.");
    }
  }

  public Path project() {
    return project;
  }

  /** True when {@code path} resolves, following every link, to the project or below it. */
  public boolean contains(Path path) {
    return resolve(path).filter(real -> real.startsWith(realProject)).isPresent();
  }

  /**
   * {@code value} resolved against the project; refused when it leads out of the project (for
   * values the repository chose).
   *
   * @param source where the value came from, for the message (e.g. {@code migtest.yml line 3})
   * @param key the setting's name, e.g. {@code report-dir}
   */
  public Path inside(String value, String key, String source) {
    Path path = project.resolve(value).normalize();
    Optional<Path> real = resolve(path);
    if (real.isEmpty() || !real.get().startsWith(realProject)) {
      // Where a link leads is not said: the target is the host's, and the message reaches the
      // pull request.
      String where =
          real.isEmpty()
              ? ", whose symbolic links loop, so it may lead"
              : real.get().equals(path) ? "" : ", which leads through a symbolic link";
      throw refused(
          source,
          key,
          value,
          where
              + " outside the project "
              + project
              + ". Paths in migtest.yml must stay inside the project; a path elsewhere can only"
              + " be given on the command line or in the environment.");
    }
    return path;
  }

  /**
   * Like {@link #inside}, for a path migtest writes to: besides staying inside the project, it must
   * not lead into the repository's {@code .git} folder, whose files (its config, its index) a later
   * step of the job relies on and a written file would break.
   */
  public Path insideForWriting(String value, String key, String source) {
    Path path = inside(value, key, source);
    Path real = resolve(path).orElse(path);
    Path relative =
        real.startsWith(realProject) ? realProject.relativize(real) : project.relativize(path);
    for (Path part : relative) {
      if (part.toString().equals(".git")) {
        throw refused(
            source,
            key,
            value,
            ", inside the repository's .git folder, which migtest does not write to. Name a path"
                + " elsewhere in the project.");
      }
    }
    return path;
  }

  private static MigtestException refused(String source, String key, String value, String why) {
    return MigtestException.usage(source + ": '" + key + "' is " + value + why);
  }

  /**
   * Refuses {@code path} when it lies inside one of {@code folders} as written but leads out of it
   * through a symbolic link: a path the person running migtest gives is trusted, but links that the
   * repository committed along it are not.
   *
   * @param what the path's role for the message, e.g. {@code --config file}
   */
  public static void refuseLinksOut(Path path, List<Path> folders, String what) {
    Path absolute = path.toAbsolutePath().normalize();
    for (Path folder : folders) {
      Path root = folder.toAbsolutePath().normalize();
      if (absolute.startsWith(root) && Files.isDirectory(root) && !of(root).contains(absolute)) {
        throw MigtestException.usage(
            "The "
                + what
                + " "
                + path
                + " leads through a symbolic link out of "
                + root
                + "; links from the repository are not followed out of it. Give the real path.");
      }
    }
  }

  /**
   * The real path of {@code path}: its deepest existing ancestor with links resolved, followed by
   * the parts that do not exist yet. A dangling link is followed to where it points; empty when
   * links loop.
   */
  public static Optional<Path> resolve(Path path) {
    return resolve(path, MAX_LINKS);
  }

  private static Optional<Path> resolve(Path path, int linksLeft) {
    Path absolute = path.toAbsolutePath().normalize();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return Optional.of(absolute);
    }
    Path rest = existing.relativize(absolute);
    try {
      return Optional.of(existing.toRealPath().resolve(rest).normalize());
    } catch (IOException e) {
      if (linksLeft == 0 || !Files.isSymbolicLink(existing)) {
        return Optional.empty();
      }
      try {
        Path target = existing.resolveSibling(Files.readSymbolicLink(existing));
        return resolve(target.resolve(rest), linksLeft - 1);
      } catch (IOException unreadable) {
        return Optional.empty();
      }
    }
  }
}
