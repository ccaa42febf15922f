package io.migtest.migration;

/** A file that {@code migtest new} creates, relative to the migrations folder. */
public record NewMigrationFile(String relativePath, String content) {}
