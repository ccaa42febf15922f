package io.migtest.lint;

import io.migtest.lint.SqlTokens.Kind;
import java.util.Optional;

/** A value that {@code ALTER TYPE e ADD VALUE [IF NOT EXISTS] 'v'} adds to an enum, and where. */
public record EnumValueAdded(QualifiedName type, String value, LintStatement at) {

  /** The value the statement adds, when it is such an {@code ALTER TYPE}. */
  public static Optional<EnumValueAdded> of(LintStatement statement) {
    Tokens t = statement.tokens();
    QualifiedName type = t.startsWith("alter", "type") ? t.nameAt(2) : null;
    if (type == null) {
      return Optional.empty();
    }
    int add = t.afterName(2);
    if (!t.matchesAt(add, "add", "value")) {
      return Optional.empty();
    }
    int value = t.skipIfNotExists(add + 2);
    return value < t.size() && t.get(value).kind() == Kind.STRING
        ? Optional.of(new EnumValueAdded(type, t.get(value).value(), statement))
        : Optional.empty();
  }
}
