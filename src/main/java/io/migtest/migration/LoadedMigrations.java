package io.migtest.migration;

import io.migtest.finding.Finding;
import java.util.List;

/** What a layout read from a folder: its migrations in order and the problems it met. */
public record LoadedMigrations(List<Migration> migrations, List<Finding> problems) {}
