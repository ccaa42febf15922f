package io.migtest.process;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment given to every child process: a cleared one plus only what the child needs.
 *
 * <p>In a GitHub container action the parent's environment holds the workflow token and the
 * runner's own tokens; migrations from a pull request can run programs on the database server
 * ({@code COPY ... TO PROGRAM}), so nothing of the parent's environment is passed on by default.
 */
public final class ChildEnvironment {
  /** A search path that finds the usual system tools and nothing from the workspace. */
  public static final String SYSTEM_PATH =
      "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private ChildEnvironment() {}

  /**
   * The base environment: {@code PATH} (the parent's, which decides which system tools run) and a
   * UTF-8 locale.
   */
  public static Map<String, String> minimal(Map<String, String> parent) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", parent.getOrDefault("PATH", SYSTEM_PATH));
    env.put("LANG", "C.UTF-8");
    env.put("LC_ALL", "C.UTF-8");
    return env;
  }

  /** Replaces a process builder's environment with {@code env}. */
  public static ProcessBuilder apply(ProcessBuilder builder, Map<String, String> env) {
    builder.environment().clear();
    builder.environment().putAll(env);
    return builder;
  }
}
