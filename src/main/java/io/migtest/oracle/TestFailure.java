package io.migtest.oracle;

/**
 * One expectation of a test that did not hold.
 *
 * @param line the 1-based line of the statement, or 0 for the whole test
 * @param expected what the test expected, e.g. {@code error 23502} or {@code 2 rows}, or null
 * @param actual what happened instead, e.g. {@code success} or {@code 3 rows}, or null
 */
public record TestFailure(String file, int line, String expected, String actual, String message) {}
