package io.migtest.report;

/**
 * Somewhere a finished run's report goes: the report folder now, the pull request and the job
 * summary in the GitHub Action. Publishers run after the gates; a gate never publishes.
 */
public interface ReportPublisher {
  /** Publishes {@code report}; an environment error when it cannot. */
  void publish(RunReport report);
}
