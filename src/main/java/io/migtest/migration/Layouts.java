package io.migtest.migration;

import io.migtest.MigtestException;
import java.util.List;
import java.util.stream.Collectors;

/** The known layouts, in the order auto-detection tries them (most specific first). */
public final class Layouts {
  private static final List<Layout> ALL =
      List.of(
          new SqitchLayout(),
          new LiquibaseSqlLayout(),
          new DbmateLayout(),
          new GolangMigrateLayout(),
          new DirectoryLayout(),
          new FlywayLayout(),
          new PlainLayout());

  private Layouts() {}

  public static List<Layout> all() {
    return ALL;
  }

  /** The layout called {@code name}, or a usage error listing the valid names. */
  public static Layout named(String name) {
    return ALL.stream()
        .filter(l -> l.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                MigtestException.usage(
                    "Unknown layout '" + name + "'. Use one of: " + names() + "."));
  }

  /** The first layout that recognises {@code folder}, or a usage error. */
  public static Layout detect(SourceFolder folder) {
    return detect(ALL, folder);
  }

  /** The first of {@code layouts} that recognises {@code folder}, or a usage error. */
  static Layout detect(List<Layout> layouts, SourceFolder folder) {
    return layouts.stream()
        .filter(l -> l.recognises(folder))
        .findFirst()
        .orElseThrow(
            () ->
                MigtestException.usage(
                    "No migrations found in "
                        + (folder.displayPath().isEmpty() ? "." : folder.displayPath())
                        + ": it holds no .sql files of a known layout ("
                        + names()
                        + "). Point --migrations at the folder with your migrations."));
  }

  public static String names() {
    return ALL.stream().map(Layout::name).collect(Collectors.joining(", "));
  }
}
