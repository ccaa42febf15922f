package io.migtest.migration;

import java.time.Instant;
import java.util.List;

/** One migration tool's folder layout: how to recognise it, read it and add to it. */
public interface Layout {

  /** The name used by {@code --layout} and in reports. */
  String name();

  /** True when the folder looks like this layout. */
  boolean recognises(SourceFolder folder);

  /** Reads the migrations in the order the tool applies them. */
  LoadedMigrations load(SourceFolder folder);

  /** The files of a new, empty migration named {@code name} after {@code existing}. */
  List<NewMigrationFile> scaffold(String name, List<Migration> existing, Instant now);
}
