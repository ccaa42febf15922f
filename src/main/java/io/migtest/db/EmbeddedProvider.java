package io.migtest.db;

import java.nio.file.Path;
import java.util.Map;

/** The default provider: PostgreSQL binaries from Maven Central, started in a temp folder. */
public final class EmbeddedProvider implements DatabaseProvider {
  private final Map<String, String> env;
  private final LaunchMode forcedMode;

  /**
   * @param env the environment that decides the launch (PATH, MIGTEST_POSTGRES_USER)
   * @param forcedMode a launch mode to use instead of the detected one, or null
   */
  public EmbeddedProvider(Map<String, String> env, LaunchMode forcedMode) {
    this.env = env;
    this.forcedMode = forcedMode;
  }

  @Override
  public String name() {
    return "embedded";
  }

  /** How the server would be started now. */
  public LaunchPlan launchPlan() {
    return forcedMode == null ? LaunchPlanner.plan(env) : LaunchPlanner.forced(forcedMode, env);
  }

  @Override
  public String user() {
    return EmbeddedCluster.SUPERUSER;
  }

  @Override
  public String database() {
    return "postgres";
  }

  @Override
  public String plan() {
    String preinstalled = env.getOrDefault(PostgresBinaries.VARIABLE, "");
    return "embedded PostgreSQL, started "
        + launchPlan().describe()
        + ", "
        + DataFolderRoot.describe(env)
        + (preinstalled.isBlank()
            ? ""
            : ", binaries from " + preinstalled + " (" + PostgresBinaries.VARIABLE + ")");
  }

  @Override
  public DatabaseServer start() {
    LaunchPlan plan = launchPlan();
    // TMPDIR as other tools honour it; one folder per user, as another user's is not writable.
    String tmpdir = env.getOrDefault("TMPDIR", "");
    Path tmp =
        Path.of(
            tmpdir.isBlank() ? System.getProperty("java.io.tmpdir") : tmpdir,
            "migtest-postgres-" + LaunchPlanner.currentUid());
    String preinstalled = env.getOrDefault(PostgresBinaries.VARIABLE, "");
    Path binaries =
        preinstalled.isBlank()
            ? PostgresBinaries.install(tmp)
            : PostgresBinaries.preinstalled(Path.of(preinstalled));
    EmbeddedCluster cluster =
        EmbeddedCluster.start(binaries, plan, DataFolderRoot.choose(tmp.resolve("run"), env), env);
    return new DatabaseServer(
        cluster.endpoint(), "embedded PostgreSQL " + plan.describe(), cluster);
  }
}
