package io.migtest.gate;

import java.nio.file.Path;

/**
 * What the apply gate checks besides applying ({@code schema-file} in migtest.yml).
 *
 * @param project the project folder: the schema file is read only inside it
 * @param schemaFile the committed schema dump ({@code schema.sql}, {@code structure.sql}) that the
 *     migrations must build, relative to the project, or null for no drift check
 */
public record ApplySettings(Path project, String schemaFile) {

  /** No drift check. */
  public static ApplySettings defaults(Path projectDir) {
    return new ApplySettings(projectDir, null);
  }
}
