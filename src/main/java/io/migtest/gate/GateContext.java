package io.migtest.gate;

import io.migtest.config.Config;
import io.migtest.db.DatabaseServer;
import io.migtest.db.ScriptRunner;
import io.migtest.migration.MigrationComparison;

/** What a gate may use: never flags, never the terminal, never GitHub. */
public record GateContext(
    Config config,
    MigrationComparison migrations,
    DatabaseServer server,
    ScriptRunner runner,
    Progress progress) {}
