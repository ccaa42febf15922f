package io.migtest.migration;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The layouts of one revision of a project, each configured by its tool's own configuration files
 * found there (flyway.toml or flyway.conf, a committed .env for dbmate, diesel.toml, sqitch.conf)
 * and by migtest's options, in the order detection tries them; and the migrations folders those
 * files name.
 */
public final class ConfiguredLayouts {
  private final List<Layout> layouts;
  private final Map<String, List<String>> folders;

  private ConfiguredLayouts(List<Layout> layouts, Map<String, List<String>> folders) {
    this.layouts = layouts;
    this.folders = folders;
  }

  /** Reads the tools' configuration files of {@code files}. */
  public static ConfiguredLayouts read(ProjectFiles files, ToolOptions options) {
    FlywaySettings flyway = FlywaySettings.read(files, options);
    DbmateSettings dbmate = DbmateSettings.read(files, options.dbmateSettings());
    DieselSettings diesel = DieselSettings.read(files);
    SqitchSettings sqitch = SqitchSettings.read(files);
    List<Layout> layouts =
        List.of(
            new SqitchLayout(sqitch),
            new LiquibaseSqlLayout(),
            new DbmateLayout(dbmate),
            new GolangMigrateLayout(options.golangMigrate()),
            new DirectoryLayout(diesel),
            new FlywayLayout(flyway),
            new PlainLayout());
    boolean sqitchConfigured =
        !sqitch.config().files().isEmpty() && files.isFolder(sqitch.topDir());
    return new ConfiguredLayouts(
        layouts,
        Map.of(
            "flyway",
            flyway.locations(),
            "dbmate",
            dbmate.folders(),
            "directory",
            diesel.folder() == null ? List.of() : List.of(diesel.folder()),
            "sqitch",
            sqitchConfigured ? List.of(sqitch.topDir()) : List.of()));
  }

  public List<Layout> all() {
    return layouts;
  }

  /** The layout called {@code name}, or a usage error listing the valid names. */
  public Layout named(String name) {
    String known = Layouts.named(name).name();
    return layouts.stream().filter(l -> l.name().equals(known)).findFirst().orElseThrow();
  }

  /** The first layout that recognises {@code folder}, or a usage error. */
  public Layout detect(SourceFolder folder) {
    return Layouts.detect(layouts, folder);
  }

  /** The folders {@code layout}'s configuration names, relative to the project; empty for none. */
  public List<String> folders(Layout layout) {
    return folders.getOrDefault(layout.name(), List.of());
  }

  /**
   * The first layout whose configuration names folders that it recognises as its own, with those
   * folders read as one.
   */
  public Optional<Located> configured(ProjectFiles files) {
    for (Layout layout : layouts) {
      List<String> named = folders(layout);
      if (!named.isEmpty()) {
        SourceFolder folder = folder(files, named);
        if (layout.recognises(folder)) {
          return Optional.of(new Located(folder, layout, named));
        }
      }
    }
    return Optional.empty();
  }

  /** The folders of {@code paths} read as one. */
  public static SourceFolder folder(ProjectFiles files, List<String> paths) {
    if (paths.size() == 1) {
      return files.folder(paths.get(0));
    }
    return new CombinedFolder(paths.stream().map(files::folder).toList());
  }

  /**
   * A migrations folder, the layout that reads it, and the project paths it is made of.
   *
   * @param paths the folders relative to the project, several for Flyway's {@code locations}
   */
  public record Located(SourceFolder folder, Layout layout, List<String> paths) {}
}
