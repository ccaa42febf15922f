package io.migtest.mutation.operators;

import io.migtest.mutation.Category;
import io.migtest.mutation.Impact;
import io.migtest.mutation.Mutation;
import io.migtest.mutation.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.statement.Statement;

/**
 * An operator that works on JSqlParser's AST: it lists the edits it can make to a statement, each
 * bound to the nodes of that AST; each mutant is one edit applied to a fresh AST and re-printed.
 */
abstract class AstOperator extends DescribedOperator {

  AstOperator(String id, Category category, Impact impact, String description, String killedBy) {
    super(id, category, impact, description, killedBy);
  }

  /**
   * One edit of an AST.
   *
   * @param apply changes the AST it was listed for; unused for a removal
   * @param removes the edit deletes the whole statement
   * @param equivalentBecause why the result cannot differ from the original, or null
   */
  record Edit(String change, Runnable apply, boolean removes, String equivalentBecause) {
    static Edit of(String change, Runnable apply) {
      return new Edit(change, apply, false, null);
    }

    static Edit removal(String change) {
      return new Edit(change, () -> {}, true, null);
    }

    Edit equivalentBecause(String reason) {
      return new Edit(change, apply, removes, reason);
    }
  }

  /** The edits this operator can make to {@code ast}, in a stable order. */
  abstract List<Edit> edits(Statement ast);

  @Override
  public final List<Mutation> mutate(Site site) {
    if (site.part() != part()) {
      return List.of();
    }
    Optional<Statement> first = site.freshAst();
    if (first.isEmpty()) {
      return List.of();
    }
    List<Edit> planned = edits(first.get());
    List<Mutation> mutations = new ArrayList<>();
    for (int i = 0; i < planned.size(); i++) {
      Edit edit = planned.get(i);
      if (edit.removes()) {
        mutations.add(new Mutation(edit.change(), "", edit.equivalentBecause(), false));
        continue;
      }
      Statement fresh = site.freshAst().orElseThrow();
      Edit same = edits(fresh).get(i);
      same.apply().run();
      mutations.add(new Mutation(same.change(), fresh.toString(), same.equivalentBecause(), true));
    }
    return mutations;
  }
}
