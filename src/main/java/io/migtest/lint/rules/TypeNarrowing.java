package io.migtest.lint.rules;

import io.migtest.lint.ColumnType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a column type change loses: the values of the old type that the new one rejects (the change
 * fails on such a row) or changes without an error (rounding, a dropped time zone). A widening
 * change, such as {@code varchar(50)} to {@code varchar(100)} or {@code int} to {@code bigint},
 * loses nothing. Types it does not know (domains, composite types) are left alone.
 */
final class TypeNarrowing {
  /** What kind of values a type holds, for deciding what a change from one to another loses. */
  enum Family {
    STRING,
    INTEGER,
    NUMERIC,
    FLOAT,
    DATE_TIME,
    OTHER_BUILT_IN,
    USER
  }

  private static final Map<String, Family> FAMILIES =
      Map.ofEntries(
          Map.entry("text", Family.STRING),
          Map.entry("character varying", Family.STRING),
          Map.entry("character", Family.STRING),
          Map.entry("bpchar", Family.STRING),
          Map.entry("citext", Family.STRING),
          Map.entry("smallint", Family.INTEGER),
          Map.entry("integer", Family.INTEGER),
          Map.entry("bigint", Family.INTEGER),
          Map.entry("numeric", Family.NUMERIC),
          Map.entry("real", Family.FLOAT),
          Map.entry("double precision", Family.FLOAT),
          Map.entry("timestamp without time zone", Family.DATE_TIME),
          Map.entry("timestamp with time zone", Family.DATE_TIME),
          Map.entry("time without time zone", Family.DATE_TIME),
          Map.entry("time with time zone", Family.DATE_TIME),
          Map.entry("interval", Family.DATE_TIME),
          Map.entry("date", Family.DATE_TIME));

  private static final Set<String> OTHER_BUILT_INS =
      Set.of(
          "boolean",
          "uuid",
          "json",
          "jsonb",
          "xml",
          "inet",
          "cidr",
          "macaddr",
          "money",
          "bit",
          "bit varying");

  private static final int UNLIMITED = Integer.MAX_VALUE;
  private static final int DEFAULT_SECOND_DIGITS = 6;
  private static final Map<String, String> INTEGER_RANGES =
      Map.of(
          "smallint", "-32768 to 32767",
          "integer", "-2147483648 to 2147483647",
          "bigint", "-9223372036854775808 to 9223372036854775807");
  private static final Map<String, Integer> INTEGER_DIGITS =
      Map.of("smallint", 5, "integer", 10, "bigint", 19);
  private static final Map<String, Integer> SIGNIFICANT_DIGITS =
      Map.of("real", 6, "double precision", 15);

  private TypeNarrowing() {}

  /**
   * What changing a column from {@code from} to {@code to} loses, as phrases that follow "the
   * change" ("fails on values longer than 5 characters"); empty when it loses nothing it knows of.
   *
   * @param toLabels the labels of {@code to} when it is an enum
   */
  static List<String> losses(
      ColumnType from, ColumnType to, Optional<? extends Collection<String>> toLabels) {
    if (from.sameAs(to) || from.array() != to.array()) {
      return List.of();
    }
    List<String> losses = new ArrayList<>();
    if (toLabels.isPresent()) {
      if (family(from) != Family.USER) {
        losses.add(
            "fails on every value that is not one of "
                + to.element()
                + "'s labels ("
                + toLabels.get().stream().map(l -> "'" + l + "'").collect(Collectors.joining(", "))
                + ")");
      }
      return losses;
    }
    switch (family(from)) {
      case STRING -> fromString(from, to, losses);
      case INTEGER -> fromInteger(from, to, losses);
      case NUMERIC -> fromNumeric(from, to, losses);
      case FLOAT -> fromFloat(from, to, losses);
      case DATE_TIME -> fromDateTime(from, to, losses);
      default -> {}
    }
    return losses;
  }

  /**
   * The family of a built-in type; a type with a schema, or one it does not know (an enum, a
   * domain, {@code "char"}), is a user type. An {@code interval} with fields is an interval.
   */
  static Family family(ColumnType type) {
    if (type.schema() != null) {
      return Family.USER;
    }
    String name = type.name().startsWith("interval") ? "interval" : type.name();
    if (FAMILIES.containsKey(name)) {
      return FAMILIES.get(name);
    }
    return OTHER_BUILT_INS.contains(name) ? Family.OTHER_BUILT_IN : Family.USER;
  }

  private static void fromString(ColumnType from, ColumnType to, List<String> losses) {
    if (family(to) == Family.STRING) {
      int length = length(to);
      if (length < length(from)) {
        losses.add("fails on every value longer than " + length + " characters");
      }
    } else if (family(to) != Family.USER) {
      losses.add("fails on every value that is not a valid " + to.element());
    }
  }

  private static void fromInteger(ColumnType from, ColumnType to, List<String> losses) {
    int digits = INTEGER_DIGITS.get(from.name());
    switch (family(to)) {
      case INTEGER -> {
        if (INTEGER_DIGITS.get(to.name()) < digits) {
          losses.add(outOfRange(to));
        }
      }
      case NUMERIC -> {
        if (integerDigits(to) < digits) {
          losses.add(tooManyDigits(to));
        }
      }
      case FLOAT -> {
        if (SIGNIFICANT_DIGITS.get(to.name()) < digits) {
          losses.add(
              "keeps only about "
                  + SIGNIFICANT_DIGITS.get(to.name())
                  + " significant digits of large values, without an error");
        }
      }
      default -> {}
    }
  }

  private static void fromNumeric(ColumnType from, ColumnType to, List<String> losses) {
    switch (family(to)) {
      case NUMERIC -> {
        if (scale(to) < scale(from)) {
          losses.add(rounds(to));
        }
        if (integerDigits(to) < integerDigits(from)) {
          losses.add(tooManyDigits(to));
        }
      }
      case INTEGER -> {
        if (scale(from) > 0) {
          losses.add("rounds every value to a whole number, without an error");
        }
        if (integerDigits(from) >= INTEGER_DIGITS.get(to.name())) {
          losses.add(outOfRange(to));
        }
      }
      case FLOAT -> {
        int significant = SIGNIFICANT_DIGITS.get(to.name());
        if (from.modifiers().isEmpty() || from.modifiers().get(0) > significant) {
          losses.add("keeps only about " + significant + " significant digits, without an error");
        }
      }
      default -> {}
    }
  }

  private static void fromFloat(ColumnType from, ColumnType to, List<String> losses) {
    switch (family(to)) {
      case FLOAT -> {
        if (to.name().equals("real") && from.name().equals("double precision")) {
          losses.add("keeps only about 6 significant digits, without an error");
        }
      }
      case INTEGER -> {
        losses.add("rounds every value to a whole number, without an error");
        losses.add(outOfRange(to));
      }
      case NUMERIC -> {
        if (scale(to) < UNLIMITED) {
          losses.add(rounds(to));
        }
        if (integerDigits(to) < UNLIMITED) {
          losses.add(tooManyDigits(to));
        }
      }
      default -> {}
    }
  }

  private static void fromDateTime(ColumnType from, ColumnType to, List<String> losses) {
    boolean fromTimestamp = from.name().startsWith("timestamp");
    if (fromTimestamp && to.name().equals("date")) {
      losses.add("drops the time of day, without an error");
      return;
    }
    if (fromTimestamp && to.name().startsWith("time ")) {
      losses.add("drops the date, without an error");
      return;
    }
    if (from.name().equals("timestamp with time zone")
        && to.name().equals("timestamp without time zone")) {
      losses.add(
          "turns every instant into the wall-clock time of the session's time zone and drops the"
              + " offset, without an error");
    }
    boolean sameKind =
        fromTimestamp && to.name().startsWith("timestamp")
            || from.name().startsWith("time ") && to.name().startsWith("time ")
            || from.name().startsWith("interval") && to.name().startsWith("interval");
    if (sameKind && secondDigits(to) < secondDigits(from)) {
      losses.add(
          "rounds every value to "
              + secondDigits(to)
              + " fractional digits of a second, without an error");
    }
  }

  private static String outOfRange(ColumnType to) {
    return "fails on every value outside the "
        + to.name()
        + " range ("
        + INTEGER_RANGES.get(to.name())
        + ")";
  }

  private static String tooManyDigits(ColumnType to) {
    return "fails on every value with more than "
        + integerDigits(to)
        + " digits before the decimal point";
  }

  private static String rounds(ColumnType to) {
    return "rounds every value to " + scale(to) + " decimal places, without an error";
  }

  private static int length(ColumnType string) {
    boolean limited =
        string.name().equals("character varying") || string.name().equals("character");
    return limited && !string.modifiers().isEmpty() ? string.modifiers().get(0) : UNLIMITED;
  }

  private static int scale(ColumnType numeric) {
    List<Integer> m = numeric.modifiers();
    return m.isEmpty() ? UNLIMITED : m.size() > 1 ? m.get(1) : 0;
  }

  private static int integerDigits(ColumnType numeric) {
    List<Integer> m = numeric.modifiers();
    return m.isEmpty() ? UNLIMITED : m.get(0) - scale(numeric);
  }

  private static int secondDigits(ColumnType time) {
    return time.modifiers().isEmpty() ? DEFAULT_SECOND_DIGITS : time.modifiers().get(0);
  }
}
