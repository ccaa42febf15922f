package io.migtest.lint.rules;

import io.migtest.lint.LintContext;
import io.migtest.lint.LintStatement;
import io.migtest.lint.QualifiedName;
import io.migtest.lint.SqlTokens.Kind;
import io.migtest.lint.SqlTokens.Token;
import io.migtest.lint.Tokens;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The labels of an enum type just before a statement: the base state's labels (from {@code
 * pg_enum}) followed through what the pull request did to the type ({@code CREATE TYPE ... AS
 * ENUM}, {@code ADD VALUE}, {@code RENAME VALUE}). The breaking-change rules ask it which labels
 * production has and which the pull request added.
 */
final class EnumTypes {
  private final Set<String> labels = new LinkedHashSet<>();
  private final Set<String> added = new LinkedHashSet<>();
  private boolean known;

  private EnumTypes() {}

  /** The labels of {@code type} before the statement, in order, when they are known. */
  static Optional<List<String>> labels(LintContext context, QualifiedName type) {
    EnumTypes e = read(context, type);
    return e.known ? Optional.of(List.copyOf(e.labels)) : Optional.empty();
  }

  /** The labels the pull request gave {@code type} before the statement. */
  static Set<String> addedInPullRequest(LintContext context, QualifiedName type) {
    return Set.copyOf(read(context, type).added);
  }

  private static EnumTypes read(LintContext context, QualifiedName type) {
    EnumTypes e = new EnumTypes();
    if (context.typeExistedBefore(type)) {
      context
          .catalog()
          .enumLabels(type)
          .ifPresent(
              base -> {
                e.labels.addAll(base);
                e.known = true;
              });
    }
    for (LintStatement s : context.earlierStatements()) {
      e.apply(s.tokens(), type);
    }
    return e;
  }

  private void apply(Tokens t, QualifiedName type) {
    if (t.startsWith("create", "type") && sameType(t, type)) {
      int open = t.afterName(2);
      if (t.matchesAt(open, "as", "enum", "(")) {
        List<String> created = strings(t.slice(open + 3, t.closing(open + 2)));
        labels.clear();
        labels.addAll(created);
        added.addAll(created);
        known = true;
      }
    } else if (t.startsWith("alter", "type") && sameType(t, type)) {
      int i = t.afterName(2);
      if (t.matchesAt(i, "add", "value")) {
        int value = t.skipIfNotExists(i + 2);
        if (value < t.size() && t.get(value).kind() == Kind.STRING) {
          labels.add(t.get(value).value());
          added.add(t.get(value).value());
        }
      } else if (t.matchesAt(i, "rename", "value") && t.size() > i + 4) {
        labels.remove(t.get(i + 2).value());
        labels.add(t.get(i + 4).value());
        added.add(t.get(i + 4).value());
      }
    }
  }

  private static boolean sameType(Tokens t, QualifiedName type) {
    QualifiedName name = t.nameAt(2);
    return name != null && name.sameAs(type);
  }

  private static List<String> strings(Tokens t) {
    return IntStream.range(0, t.size())
        .mapToObj(t::get)
        .filter(token -> token.kind() == Kind.STRING)
        .map(Token::value)
        .toList();
  }
}
