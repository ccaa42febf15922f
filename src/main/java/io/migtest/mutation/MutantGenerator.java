package io.migtest.mutation;

import io.migtest.migration.Migration;
import io.migtest.sql.SqlParser;
import io.migtest.sql.SqlScript;
import io.migtest.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Makes the mutants of the new migrations: every enabled operator on every statement of each up
 * script, and the rollback operators on each down script, in file and statement order.
 */
public final class MutantGenerator {
  private static final Duration PARSE_LIMIT = Duration.ofSeconds(2);

  private final List<Operator> operators;

  /** A generator with the operators {@code enabled} lets through. */
  public MutantGenerator(List<Operator> all, Predicate<Operator> enabled) {
    this.operators = all.stream().filter(enabled).toList();
  }

  public List<Mutant> generate(List<Migration> fresh) {
    List<Mutant> mutants = new ArrayList<>();
    try (SqlParser parser = new SqlParser(PARSE_LIMIT)) {
      for (int m = 0; m < fresh.size(); m++) {
        Migration migration = fresh.get(m);
        add(mutants, parser, m, Part.UP, migration.up());
        if (migration.hasDownStatements()) {
          add(mutants, parser, m, Part.DOWN, migration.down());
        }
      }
    }
    return mutants;
  }

  private void add(
      List<Mutant> mutants, SqlParser parser, int migration, Part part, SqlScript script) {
    List<Statement> statements = script.split().statements();
    for (int s = 0; s < statements.size(); s++) {
      Statement statement = statements.get(s);
      Site site = new Site(statement.sql(), part, () -> parser.parse(statement).ast());
      Optional<net.sf.jsqlparser.statement.Statement> ast = site.freshAst();
      Set<String> tables = ast.map(StatementTables::of).orElse(Set.of());
      String reprint = ast.map(Object::toString).orElse(null);
      for (Operator operator : operators) {
        for (Mutation mutation : operator.mutate(site)) {
          mutants.add(
              new Mutant(
                  id(script.file(), part, s, statement.sql(), operator.id(), mutation),
                  operator,
                  migration,
                  part,
                  script.file(),
                  statement.startLine(),
                  statement.endLine(),
                  endColumn(statement.sql()),
                  s,
                  statement.sql(),
                  mutation,
                  tables,
                  Excerpt.of(reprint == null ? statement.sql() : reprint, mutation.sql()),
                  reprint));
        }
      }
    }
  }

  private static int endColumn(String sql) {
    return sql.length() - sql.lastIndexOf('\n');
  }

  /** A stable id: the same mutant of the same text gets the same id on every machine. */
  static String id(
      String file, Part part, int statement, String sql, String operator, Mutation mutation) {
    String key =
        String.join(
            "\u0000",
            file,
            part.name(),
            Integer.toString(statement),
            sql.strip().replaceAll("\\s+", " "),
            operator,
            mutation.change(),
            mutation.sql());
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
