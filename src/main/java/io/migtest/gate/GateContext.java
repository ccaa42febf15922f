package io.migtest.gate;

import io.migtest.config.Config;
import io.migtest.db.DatabaseServer;
import io.migtest.db.ScriptRunner;
import io.migtest.migration.MigrationComparison;
import io.migtest.oracle.TestCommand;

/**
 * What a gate may use: never flags, never the terminal, never GitHub.
 *
 * @param testCommand the team's test command, or null when none is configured
 */
public record GateContext(
    Config config,
    MigrationComparison migrations,
    DatabaseServer server,
    ScriptRunner runner,
    TestCommand testCommand,
    Progress progress) {}
