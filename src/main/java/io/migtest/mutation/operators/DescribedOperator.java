package io.migtest.mutation.operators;

import io.migtest.mutation.Category;
import io.migtest.mutation.Impact;
import io.migtest.mutation.Operator;

/** What every operator says of itself: id, category, severity, description and its killer. */
abstract class DescribedOperator implements Operator {
  private final String id;
  private final Category category;
  private final Impact impact;
  private final String description;
  private final String killedBy;

  DescribedOperator(
      String id, Category category, Impact impact, String description, String killedBy) {
    this.id = id;
    this.category = category;
    this.impact = impact;
    this.description = description;
    this.killedBy = killedBy;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final Category category() {
    return category;
  }

  @Override
  public final Impact impact() {
    return impact;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final String killedBy() {
    return killedBy;
  }
}
