package io.migtest.migration;

import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import io.migtest.sql.SqlScript;
import io.migtest.sql.TransactionMode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Turns a migration file's bytes into text, refusing binary files and invalid UTF-8 clearly. */
public final class SourceText {
  /** Files larger than this are refused rather than read into memory. */
  public static final int MAX_BYTES = 64 * 1024 * 1024;

  private SourceText() {}

  /** The text of a file, or the problem that prevents reading it. */
  public sealed interface Result permits Text, Problem {}

  /** A readable file's text. */
  public record Text(String text) implements Result {}

  /** Why a file cannot be used. */
  public record Problem(Finding finding) implements Result {}

  /** Reads {@code relativePath} from {@code folder}. */
  public static Result read(SourceFolder folder, String relativePath) {
    String file = folder.displayPath(relativePath);
    byte[] bytes;
    try {
      bytes = folder.read(relativePath);
    } catch (IOException | RuntimeException e) {
      return problem(
          RuleId.UNREADABLE_FILE,
          file,
          0,
          "Cannot read " + file + " (" + e.getMessage() + "): check that it exists and is a file.");
    }
    return decode(file, bytes);
  }

  /** The script of {@code file}: its text, or no text and the problem that kept it unread. */
  public static SqlScript toScript(String file, Result result, TransactionMode mode) {
    if (result instanceof Text text) {
      return SqlScript.of(file, text.text(), mode);
    }
    return SqlScript.unreadable(file, ((Problem) result).finding());
  }

  /** Decodes UTF-8 bytes (a byte-order mark is dropped). */
  public static Result decode(String file, byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      return problem(
          RuleId.FILE_TOO_LARGE,
          file,
          0,
          file + " has " + bytes.length + " bytes; migtest reads migrations up to " + MAX_BYTES);
    }
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return problem(
            RuleId.BINARY_FILE,
            file,
            lineAt(bytes, i),
            file + " looks binary (a NUL byte at offset " + i + "): migrations must be SQL text.");
      }
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      String text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
      return new Text(text.startsWith("\uFEFF") ? text.substring(1) : text);
    } catch (CharacterCodingException e) {
      int offset = firstInvalidOffset(bytes);
      return problem(
          RuleId.INVALID_ENCODING,
          file,
          lineAt(bytes, offset),
          file
              + " is not valid UTF-8 (byte offset "
              + offset
              + "): convert it, e.g. `iconv -f LATIN1 -t UTF-8`.");
    }
  }

  private static Problem problem(String rule, String file, int line, String message) {
    return new Problem(Finding.error(rule, file, line, message));
  }

  private static int lineAt(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  private static int firstInvalidOffset(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    var out = java.nio.CharBuffer.allocate(bytes.length + 1);
    var result = decoder.decode(in, out, true);
    return result.isError() ? in.position() : bytes.length;
  }
}
