package io.migtest.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the pull request's statements have created so far, in migration order: a table created in
 * the pull request is empty in production when the next statement runs, so rules about locks and
 * rewrites on existing tables leave it alone. Read from the tokens, so it works without a database.
 */
final class PullRequestObjects {
  private static final Set<String> TABLE_ELEMENT_KEYWORDS =
      Set.of("constraint", "primary", "unique", "check", "foreign", "exclude", "like");

  /** Created names by their name without schema, so a lookup is not a scan of all of them. */
  private final Map<String, List<QualifiedName>> relations = new HashMap<>();

  private final Map<String, List<QualifiedName>> types = new HashMap<>();
  private final List<String> schemas = new ArrayList<>();
  private final Map<String, List<String>> columns = new HashMap<>();
  private final Map<String, QualifiedName> renamedFrom = new HashMap<>();
  private final Map<QualifiedName, BaseCatalog.Volatility> functions = new HashMap<>();

  boolean relation(QualifiedName name) {
    return relations.getOrDefault(name.name(), List.of()).stream().anyMatch(r -> r.sameAs(name));
  }

  boolean type(QualifiedName name) {
    return types.getOrDefault(name.name(), List.of()).stream().anyMatch(t -> t.sameAs(name));
  }

  boolean schema(String name) {
    return schemas.contains(name);
  }

  boolean column(QualifiedName table, String column) {
    return relation(table) || columns.getOrDefault(table.name(), List.of()).contains(column);
  }

  /** The volatility of a function the pull request created, if it created one by that name. */
  Optional<BaseCatalog.Volatility> function(QualifiedName name) {
    return functions.entrySet().stream()
        .filter(e -> e.getKey().sameAs(name))
        .map(Map.Entry::getValue)
        .reduce((a, b) -> a.compareTo(b) >= 0 ? a : b);
  }

  /** The name the relation had before this pull request renamed it, or the name itself. */
  QualifiedName original(QualifiedName name) {
    return renamedFrom.getOrDefault(name.name(), name);
  }

  /** Records what {@code statement} creates. */
  void record(Tokens t) {
    int i = skipCreatePrefix(t);
    if (i < 0) {
      recordAlterTable(t);
      return;
    }
    if (t.matchesAt(i, "table")) {
      int name = t.skipIfNotExists(i + 1);
      QualifiedName table = t.nameAt(name);
      if (table != null) {
        addIfName(relations, table);
        int open = t.afterName(name);
        if (t.matchesAt(open, "(")) {
          for (Tokens element : t.slice(open + 1, t.closing(open)).splitAtTopLevelCommas()) {
            if (!element.isEmpty()
                && element.get(0).isName()
                && !TABLE_ELEMENT_KEYWORDS.contains(element.get(0).value())) {
              columns
                  .computeIfAbsent(table.name(), k -> new ArrayList<>())
                  .add(element.get(0).value());
            }
          }
        }
      }
    } else if (t.matchesAt(i, "index") || t.matchesAt(i, "unique", "index")) {
      int name = i + (t.matchesAt(i, "unique") ? 2 : 1);
      name = t.matchesAt(name, "concurrently") ? name + 1 : name;
      name = t.skipIfNotExists(name);
      if (!t.matchesAt(name, "on") && t.nameAt(name) != null) {
        addIfName(relations, t.nameAt(name));
      }
    } else if (t.matchesAt(i, "view")
        || t.matchesAt(i, "materialized", "view")
        || t.matchesAt(i, "sequence")) {
      int name = t.skipIfNotExists(i + (t.matchesAt(i, "materialized") ? 2 : 1));
      addIfName(relations, t.nameAt(name));
    } else if (t.matchesAt(i, "function")) {
      recordFunction(t, i + 1);
    } else if (t.matchesAt(i, "type") || t.matchesAt(i, "domain")) {
      addIfName(types, t.nameAt(i + 1));
    } else if (t.matchesAt(i, "schema")) {
      QualifiedName name = t.nameAt(t.skipIfNotExists(i + 1));
      if (name != null) {
        schemas.add(name.name());
      }
    }
  }

  /**
   * A function's volatility: the IMMUTABLE, STABLE or VOLATILE word after its arguments, outside
   * parentheses (the body is a string token), VOLATILE when none is given.
   */
  private void recordFunction(Tokens t, int name) {
    QualifiedName function = t.nameAt(name);
    int open = t.afterName(name);
    if (function == null || !t.matchesAt(open, "(")) {
      return;
    }
    BaseCatalog.Volatility volatility = BaseCatalog.Volatility.VOLATILE;
    int depth = 0;
    for (int k = t.closing(open) + 1; k < t.size(); k++) {
      depth += t.get(k).isSymbol("(") ? 1 : t.get(k).isSymbol(")") ? -1 : 0;
      if (depth == 0 && t.matchesAt(k, "immutable")) {
        volatility = BaseCatalog.Volatility.IMMUTABLE;
      } else if (depth == 0 && t.matchesAt(k, "stable")) {
        volatility = BaseCatalog.Volatility.STABLE;
      }
    }
    functions.put(function, volatility);
  }

  private void recordAlterTable(Tokens t) {
    if (!t.startsWith("alter", "table")) {
      return;
    }
    int name = t.skipIfExists(2);
    name = t.matchesAt(name, "only") ? name + 1 : name;
    QualifiedName table = t.nameAt(name);
    if (table == null) {
      return;
    }
    int rest = t.afterName(name);
    if (t.matchesAt(rest, "rename", "to") && t.nameAt(rest + 2) != null) {
      renamedFrom.put(t.nameAt(rest + 2).name(), original(table));
      return;
    }
    for (Tokens action : t.from(rest).splitAtTopLevelCommas()) {
      if (action.startsWith("add")) {
        int column = action.matchesAt(1, "column") ? 2 : 1;
        column = action.skipIfNotExists(column);
        QualifiedName added = action.nameAt(column);
        if (added != null && !TABLE_ELEMENT_KEYWORDS.contains(added.name())) {
          columns.computeIfAbsent(table.name(), k -> new ArrayList<>()).add(added.name());
        }
      }
    }
  }

  /** The index after {@code CREATE [OR REPLACE] [UNLOGGED|TEMP|TEMPORARY]}, or -1. */
  private static int skipCreatePrefix(Tokens t) {
    if (!t.startsWith("create")) {
      return -1;
    }
    int i = 1;
    if (t.matchesAt(i, "or", "replace")) {
      i += 2;
    }
    while (t.matchesAt(i, "unlogged")
        || t.matchesAt(i, "temp")
        || t.matchesAt(i, "temporary")
        || t.matchesAt(i, "global")
        || t.matchesAt(i, "local")) {
      i++;
    }
    return i;
  }

  private static void addIfName(Map<String, List<QualifiedName>> names, QualifiedName name) {
    if (name != null) {
      names.computeIfAbsent(name.name(), k -> new ArrayList<>()).add(name);
    }
  }
}
