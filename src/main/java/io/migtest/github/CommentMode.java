package io.migtest.github;

import java.util.Locale;
import java.util.Optional;

/** When the action comments on the pull request (the {@code comment} input). */
public enum CommentMode {
  /** Every run updates the comment, so a passing run replaces a stale failure. */
  ALWAYS,
  /** A comment is created only when the run does not pass; an existing one is still updated. */
  ON_FAILURE,
  /** No comment; the job summary and annotations only. */
  NEVER;

  /** {@code always}, {@code on-failure} or {@code never}. */
  public static Optional<CommentMode> parse(String text) {
    for (CommentMode mode : values()) {
      if (mode.id().equals(text.strip().toLowerCase(Locale.ROOT))) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
