package io.migtest.migration;

import com.fasterxml.jackson.databind.JsonNode;
import io.migtest.finding.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * diesel's migrations folder from {@code diesel.toml}: {@code [migrations_directory] dir}, relative
 * to the file's folder ({@code diesel_cli/src/config.rs}, {@code migrations_dir} in {@code
 * diesel_cli/src/migrations/mod.rs}).
 *
 * @param folder the folder relative to the project, or null when not configured
 */
public record DieselSettings(String folder, ToolConfig config) {
  static final String FILE = "diesel.toml";
  static final DieselSettings DEFAULTS = new DieselSettings(null, ToolConfig.NONE);

  static DieselSettings read(ProjectFiles files) {
    List<Finding> problems = new ArrayList<>();
    Optional<String> text = ToolConfigFile.read(files, FILE, problems);
    Optional<JsonNode> toml = text.flatMap(t -> TomlText.parse(FILE, t, problems));
    JsonNode dir = toml.map(t -> t.path("migrations_directory").path("dir")).orElse(null);
    if (dir == null || !dir.isTextual()) {
      return new DieselSettings(
          null, new ToolConfig(text.isPresent() ? List.of(FILE) : List.of(), List.of(), problems));
    }
    ToolSetting setting =
        new ToolSetting(
            "migrations_directory.dir",
            dir.asText(),
            TomlText.of(FILE, text.get()).source("migrations_directory", "dir"));
    String folder = ProjectPaths.inside(dir.asText());
    if (folder == null || !files.isFolder(folder)) {
      problems.add(
          ToolConfigFile.warning(
              setting.source(),
              "migrations_directory.dir is "
                  + dir.asText()
                  + ", which is not a folder inside the project: migtest does not read migrations"
                  + " from it. Pass --migrations to name the folder."));
      folder = null;
    }
    return new DieselSettings(folder, new ToolConfig(List.of(FILE), List.of(setting), problems));
  }
}
