package io.migtest.sql;

import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

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
  private final PsqlClient psql;
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
    this(file, text, firstLine, transactionMode, problems, null, text);
  }

  private SqlScript(
      String file,
      String text,
      int firstLine,
      TransactionMode transactionMode,
      List<Finding> problems,
      PsqlClient psql,
      String checksumText) {
    this.file = file;
    this.text = text;
    this.firstLine = firstLine;
    this.transactionMode = transactionMode;
    this.problems = List.copyOf(problems);
    this.psql = psql;
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
    return new SqlScript(file, text, firstLine, mode, problems, psql, checksumText);
  }

  /** The same script, whose tool runs it with psql as {@code client} says. */
  public SqlScript withPsql(PsqlClient client) {
    return new SqlScript(file, text, firstLine, transactionMode, problems, client, checksumText);
  }

  /** How the script's tool runs it with psql, or null when its tool does not use psql. */
  public PsqlClient psql() {
    return psql;
  }

  /**
   * The first psql feature of the script that only psql honours, when its tool runs it with psql:
   * then migtest runs it with psql too. Empty for every other script.
   */
  public Optional<PsqlFeature> psqlFeature() {
    if (psql == null) {
      return Optional.empty();
    }
    return split().psqlFeatures().stream().filter(psql::honours).findFirst();
  }

  /**
   * The same script running {@code newText} (a tool's placeholders replaced). With {@code
   * sameChecksum} its {@link #checksum()} stays that of the text as written, as Flyway checksums a
   * versioned migration; else it follows the new text, as Flyway's does for a repeatable one.
   */
  public SqlScript withText(String newText, boolean sameChecksum) {
    return new SqlScript(
        file,
        newText,
        firstLine,
        transactionMode,
        problems,
        psql,
        sameChecksum ? checksumText : newText);
  }

  /** The same script with one more problem (a finding of the layout about it). */
  public SqlScript withProblem(Finding problem) {
    List<Finding> all = new ArrayList<>(problems);
    all.add(problem);
    return new SqlScript(file, text, firstLine, transactionMode, all, psql, checksumText);
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

  /**
   * Problems with reading the file and splitting it, in file order. A script that runs with psql
   * has one note saying so instead of a finding per psql command.
   */
  public List<Finding> problems() {
    List<Finding> all = new ArrayList<>(problems);
    Optional<PsqlFeature> feature = psqlFeature();
    if (feature.isEmpty()) {
      all.addAll(split().problems());
      return all;
    }
    split().problems().stream()
        .filter(p -> !p.rule().equals(RuleId.PSQL_META_COMMAND))
        .forEach(all::add);
    all.add(
        Finding.info(
            RuleId.PSQL_SCRIPT,
            file,
            feature.get().line(),
            "Runs with psql, as "
                + psql.tool()
                + " runs it: `"
                + feature.get().text()
                + "` at line "
                + feature.get().line()
                + " is psql's, not SQL."));
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

  /** SHA-256 of {@code content} in hex, with line endings made {@code \n}. */
  public static String sha256(String content) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(digest.digest(content.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
