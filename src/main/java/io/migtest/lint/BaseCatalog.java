package io.migtest.lint;

import java.util.List;
import java.util.Optional;

/**
 * What the database says about the base branch's schema, where the pull request's migrations will
 * run: which tables exist and how large they are, column types and defaults, how volatile a
 * function is. {@link #NONE} answers nothing, for lint without a database.
 */
public interface BaseCatalog {
  /** A table, view, index, sequence, ... of the base state. */
  record Relation(String schema, String name, char kind, long rowEstimate) {}

  /**
   * A column of a base-state table.
   *
   * @param type as {@code format_type} writes it, e.g. {@code character varying(100)}
   */
  record Column(String name, String type, boolean notNull, boolean hasDefault) {}

  /**
   * A domain: changing a column to an unconstrained domain over its type, or from a domain to its
   * base type, does not rewrite the table.
   *
   * @param baseType the type it is over, as {@code format_type} writes it
   * @param constrained whether it has a CHECK or NOT NULL constraint
   */
  record Domain(String baseType, boolean constrained) {}

  /** How a function's result may change ({@code pg_proc.provolatile}). */
  enum Volatility {
    IMMUTABLE,
    STABLE,
    VOLATILE
  }

  /** Whether a database answered: false means every question below has no answer. */
  boolean known();

  Optional<Relation> relation(QualifiedName name);

  Optional<Column> column(QualifiedName table, String column);

  /** The most volatile of the functions named {@code name} (all overloads), if any exists. */
  Optional<Volatility> volatility(QualifiedName function);

  /** Whether a validated {@code CHECK (column IS NOT NULL)} constraint exists on the table. */
  boolean hasValidatedNotNullCheck(QualifiedName table, String column);

  /** The labels of an enum type, in order, if the type is an enum. */
  Optional<List<String>> enumLabels(QualifiedName type);

  /** Whether a type or domain of that name exists (not a table's row type, not an array). */
  boolean type(QualifiedName type);

  /** Whether the schema exists. */
  boolean schema(String schema);

  /**
   * The columns of the table's primary key, in key order, if it has one. Answers nothing unless a
   * database answered.
   */
  default Optional<List<String>> primaryKey(QualifiedName table) {
    return Optional.empty();
  }

  /** The domain named {@code type}, if it is one. */
  default Optional<Domain> domain(QualifiedName type) {
    return Optional.empty();
  }

  /**
   * Whether an index of the table uses the column (as a key, in an expression or in a predicate):
   * changes that keep the rows but not the sort order rebuild those indexes.
   */
  default boolean indexed(QualifiedName table, String column) {
    return false;
  }

  /** Lint without a database. */
  BaseCatalog NONE =
      new BaseCatalog() {
        @Override
        public boolean known() {
          return false;
        }

        @Override
        public Optional<Relation> relation(QualifiedName name) {
          return Optional.empty();
        }

        @Override
        public Optional<Column> column(QualifiedName table, String column) {
          return Optional.empty();
        }

        @Override
        public Optional<Volatility> volatility(QualifiedName function) {
          return Optional.empty();
        }

        @Override
        public boolean hasValidatedNotNullCheck(QualifiedName table, String column) {
          return false;
        }

        @Override
        public Optional<List<String>> enumLabels(QualifiedName type) {
          return Optional.empty();
        }

        @Override
        public boolean type(QualifiedName type) {
          return false;
        }

        @Override
        public boolean schema(String schema) {
          return false;
        }
      };
}
