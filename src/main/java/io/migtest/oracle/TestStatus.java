package io.migtest.oracle;

/** How one test (a test file, the test command) ended. */
public enum TestStatus {
  /** Every expectation held. */
  PASS,
  /** An expectation did not hold or a statement failed. */
  FAIL,
  /** The test could not run as written (bad directive, transaction control). */
  ERROR,
  /** Not run, and the report says why (pgTAP missing on the server). */
  SKIP
}
