package io.migtest.sql;

import io.migtest.finding.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The SQL of one direction of a migration (up or down), where it comes from and how its tool runs
 * it. A script that could not be read carries the reason in {@link #problems()} and no text.
 */
public final class SqlScript {
  private final String file;
  private final String text;
  private final int firstLine;
  private final TransactionMode transactionMode;
  private final List<Finding> problems;
  private final String checksumText;
  private SplitScript split;

  /**
   * @param file path relative to the project root
   * @param firstLine the file line on which {@code text} starts (sections of a larger file)
   */
  public SqlScript(
      String file,
      String text,
      int firstLine,
      TransactionMode transactionMode,
      List<Finding> problems) {
    this(file, text, firstLine, transactionMode, problems, text);
  }

  private SqlScript(
      String file,
      String text,
      int firstLine,
      TransactionMode transactionMode,
      List<Finding> problems,
      String checksumText) {
    this.file = file;
    this.text = text;
    this.firstLine = firstLine;
    this.transactionMode = transactionMode;
    this.problems = List.copyOf(problems);
    this.checksumText = checksumText;
  }

  public static SqlScript of(String file, String text, TransactionMode mode) {
    return new SqlScript(file, text, 1, mode, List.of());
  }

  /** A script whose file could not be read; applying it fails with {@code problem}. */
  public static SqlScript unreadable(String file, Finding problem) {
    return new SqlScript(file, "", 1, TransactionMode.AUTOCOMMIT, List.of(problem));
  }

  public String file() {
    return file;
  }

  public String text() {
    return text;
  }

  public int firstLine() {
    return firstLine;
  }

  public TransactionMode transactionMode() {
    return transactionMode;
  }

  /** The same script run with another transaction mode. */
  public SqlScript withTransactionMode(TransactionMode mode) {
    return new SqlScript(file, text, firstLine, mode, problems, checksumText);
  }

  /**
   * The same script running {@code newText} (a tool's placeholders replaced). With {@code
   * sameChecksum} its {@link #checksum()} stays that of the text as written, as Flyway checksums a
   * versioned migration; else it follows the new text, as Flyway's does for a repeatable one.
   */
  public SqlScript withText(String newText, boolean sameChecksum) {
    return new SqlScript(
        file, newText, firstLine, transactionMode, problems, sameChecksum ? checksumText : newText);
  }

  /** The same script with one more problem (a finding of the layout about it). */
  public SqlScript withProblem(Finding problem) {
    List<Finding> all = new ArrayList<>(problems);
    all.add(problem);
    return new SqlScript(file, text, firstLine, transactionMode, all, checksumText);
  }

  /** The statements, split once and kept. */
  public synchronized SplitScript split() {
    if (split == null) {
      split =
          transactionMode == TransactionMode.SEMICOLON_PIECES
              ? SemicolonPieces.split(text, firstLine)
              : StatementSplitter.split(file, text, firstLine);
    }
    return split;
  }

  /** Problems with reading the file and splitting it, in file order. */
  public List<Finding> problems() {
    List<Finding> all = new ArrayList<>(problems);
    all.addAll(split().problems());
    return all;
  }

  /**
   * SHA-256 of the text as the tool checksums it, with line endings made {@code \n}, to tell a
   * changed migration from an unchanged one: a checkout that converts line endings does not change
   * a migration.
   */
  public String checksum() {
    return sha256(checksumText);
  }

  /** SHA-256 of the text migtest runs: equal for scripts that do the same. */
  public String textChecksum() {
    return sha256(text);
  }

  private static String sha256(String content) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(digest.digest(content.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
