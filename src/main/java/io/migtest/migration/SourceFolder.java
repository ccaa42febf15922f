package io.migtest.migration;

import io.migtest.sql.ScriptFolder;

/** A folder of migration files, read from the working tree or from a git commit. */
public interface SourceFolder extends ScriptFolder {}
