package io.migtest.mutation.operators;

import io.migtest.mutation.operators.AstOperator.Edit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.Index;

/**
 * The columns and constraints a statement defines: those of {@code CREATE TABLE}, and those {@code
 * ALTER TABLE ... ADD} adds, each with a way to take it out of the statement.
 */
final class TableParts {
  private TableParts() {}

  /** A column definition with its table, as {@code CREATE TABLE} or {@code ADD COLUMN} has it. */
  record Column(String table, ColumnDefinition definition) {
    String name() {
      return definition.getColumnName();
    }

    /** The spec tokens: a copy, since JSqlParser derives them from its column options. */
    List<String> specs() {
      return definition.getColumnSpecs() == null
          ? List.of()
          : new ArrayList<>(definition.getColumnSpecs());
    }

    /** Changes the spec tokens and puts them back into the definition. */
    void rewrite(java.util.function.Consumer<List<String>> change) {
      List<String> specs = specs();
      change.accept(specs);
      definition.setColumnSpecs(specs);
    }
  }

  /** A table constraint and the edit that removes it from its statement. */
  record Constraint(String table, Index index, Edit removal) {
    /** PRIMARY KEY, UNIQUE, FOREIGN KEY, or null for CHECK. */
    String type() {
      return index.getType() == null ? null : index.getType().toUpperCase(Locale.ROOT);
    }
  }

  static List<Column> columns(Statement ast) {
    List<Column> columns = new ArrayList<>();
    if (ast instanceof CreateTable create && create.getColumnDefinitions() != null) {
      for (ColumnDefinition definition : create.getColumnDefinitions()) {
        columns.add(new Column(create.getTable().getFullyQualifiedName(), definition));
      }
    }
    if (ast instanceof Alter alter) {
      for (AlterExpression expression : alter.getAlterExpressions()) {
        if (expression.getOperation() == AlterOperation.ADD
            && expression.getColDataTypeList() != null) {
          for (ColumnDefinition definition : expression.getColDataTypeList()) {
            columns.add(new Column(alter.getTable().getFullyQualifiedName(), definition));
          }
        }
      }
    }
    return columns;
  }

  static List<Constraint> constraints(Statement ast) {
    List<Constraint> constraints = new ArrayList<>();
    if (ast instanceof CreateTable create && create.getIndexes() != null) {
      for (Index index : create.getIndexes()) {
        String label = label(index);
        constraints.add(
            new Constraint(
                create.getTable().getFullyQualifiedName(),
                index,
                Edit.of(label, () -> create.getIndexes().remove(index))));
      }
    }
    if (ast instanceof Alter alter) {
      for (AlterExpression expression : alter.getAlterExpressions()) {
        if (expression.getOperation() == AlterOperation.ADD && expression.getIndex() != null) {
          constraints.add(
              new Constraint(
                  alter.getTable().getFullyQualifiedName(),
                  expression.getIndex(),
                  withoutExpression(alter, expression, label(expression.getIndex()))));
        }
      }
    }
    return constraints;
  }

  /** Removes one action of an {@code ALTER TABLE}: the whole statement when it is its only one. */
  static Edit withoutExpression(Alter alter, AlterExpression expression, String change) {
    return alter.getAlterExpressions().size() == 1
        ? Edit.removal(change)
        : Edit.of(change, () -> alter.getAlterExpressions().remove(expression));
  }

  /** How a report names a constraint: {@code UNIQUE (email)}, {@code CHECK constraint c1}. */
  static String label(Index index) {
    String kind = index.getType() == null ? "CHECK" : index.getType().toUpperCase(Locale.ROOT);
    return index.getName() != null
        ? kind + " constraint `" + index.getName() + "`"
        : kind + " (" + String.join(", ", index.getColumnsNames()) + ")";
  }
}
