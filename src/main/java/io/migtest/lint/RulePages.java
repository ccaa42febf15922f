package io.migtest.lint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The rules' pages, {@code rules/<id>.md} among the jar's resources. */
public final class RulePages {
  private RulePages() {}

  /** The page of finding rule {@code id}, if there is one. */
  public static Optional<String> of(String id) {
    if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      return Optional.empty();
    }
    try (InputStream in = RulePages.class.getResourceAsStream("/rules/" + id + ".md")) {
      return in == null
          ? Optional.empty()
          : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
