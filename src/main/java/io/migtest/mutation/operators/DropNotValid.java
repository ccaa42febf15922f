package io.migtest.mutation.operators;

import io.migtest.mutation.Category;
import io.migtest.mutation.Impact;
import java.util.regex.Pattern;

/**
 * PRF_003: {@code ADD CONSTRAINT ... NOT VALID} validates at once, scanning the table under its
 * lock (on the text: JSqlParser 5.4 does not parse {@code NOT VALID}).
 */
final class DropNotValid extends TokenOperator {
  DropNotValid() {
    super(
        "PRF_003",
        Category.PERFORMANCE,
        Impact.HIGH,
        "Remove NOT VALID from ADD CONSTRAINT ... FOREIGN KEY / CHECK",
        "the performance gate: the full validation scan under the lock, measured against the"
            + " baseline",
        Pattern.compile("ALTER\\s+TABLE\\b", Pattern.CASE_INSENSITIVE),
        Pattern.compile("\\s+NOT\\s+VALID\\b", Pattern.CASE_INSENSITIVE));
  }

  @Override
  String change(String removed) {
    return "NOT VALID dropped: the constraint is validated at once";
  }
}
