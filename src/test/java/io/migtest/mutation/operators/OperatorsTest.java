package io.migtest.mutation.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.migtest.mutation.Category;
import io.migtest.mutation.Mutation;
import io.migtest.mutation.Operator;
import io.migtest.mutation.Part;
import io.migtest.mutation.Site;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each operator of the catalog on SQL it applies to: the original statement and every mutant it
 * makes (an empty string is the statement deleted).
 */
class OperatorsTest {
  static Stream<Arguments> catalog() {
    return Stream.of(
        arguments(
            "SCH_001",
            Part.UP,
            "CREATE TABLE users (id bigint PRIMARY KEY NOT NULL, email text NOT NULL, name text)",
            List.of(
                "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, name text)",
                "CREATE TABLE users (id bigint PRIMARY KEY NOT NULL, email text, name text)")),
        arguments(
            "SCH_001",
            Part.UP,
            "ALTER TABLE users ADD COLUMN age int NOT NULL DEFAULT 0",
            List.of("ALTER TABLE users ADD COLUMN age int DEFAULT 0")),
        arguments(
            "SCH_002", Part.UP, "ALTER TABLE users ALTER COLUMN email SET NOT NULL", List.of("")),
        arguments(
            "SCH_002",
            Part.UP,
            "ALTER TABLE users ALTER COLUMN email SET NOT NULL, ALTER COLUMN name SET NOT NULL",
            List.of(
                "ALTER TABLE users ALTER COLUMN name SET NOT NULL",
                "ALTER TABLE users ALTER COLUMN email SET NOT NULL")),
        arguments(
            "SCH_003",
            Part.UP,
            "CREATE TABLE a (id int PRIMARY KEY, b int)",
            List.of("CREATE TABLE a (id int, b int)")),
        arguments(
            "SCH_003",
            Part.UP,
            "CREATE TABLE a (x int, y int, PRIMARY KEY (x, y))",
            List.of("CREATE TABLE a (x int, y int)")),
        arguments("SCH_003", Part.UP, "ALTER TABLE a ADD PRIMARY KEY (id)", List.of("")),
        arguments(
            "SCH_004",
            Part.UP,
            "CREATE TABLE a (id int PRIMARY KEY, email text UNIQUE, CONSTRAINT u UNIQUE (id))",
            List.of(
                "CREATE TABLE a (id int PRIMARY KEY, email text, CONSTRAINT u UNIQUE (id))",
                "CREATE TABLE a (id int PRIMARY KEY, email text UNIQUE)")),
        arguments(
            "SCH_004",
            Part.UP,
            "CREATE UNIQUE INDEX a_email ON a (email)",
            List.of("CREATE INDEX a_email ON a (email)")),
        arguments(
            "SCH_005",
            Part.UP,
            "CREATE TABLE o (id int, user_id int REFERENCES users(id), org_id int, CONSTRAINT fk FOREIGN KEY (org_id) REFERENCES orgs (id))",
            List.of(
                "CREATE TABLE o (id int, user_id int, org_id int, CONSTRAINT fk FOREIGN KEY (org_id) REFERENCES orgs(id))",
                "CREATE TABLE o (id int, user_id int REFERENCES users(id), org_id int)")),
        arguments(
            "SCH_005",
            Part.UP,
            "ALTER TABLE o ADD CONSTRAINT fk2 FOREIGN KEY (a) REFERENCES x(id)",
            List.of("")),
        arguments(
            "SCH_006",
            Part.UP,
            "CREATE TABLE o (user_id int REFERENCES users(id) ON DELETE CASCADE, org_id int, CONSTRAINT fk FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE SET NULL)",
            List.of(
                "CREATE TABLE o (user_id int REFERENCES users(id), org_id int, CONSTRAINT fk FOREIGN KEY (org_id) REFERENCES orgs(id) ON DELETE SET NULL)",
                "CREATE TABLE o (user_id int REFERENCES users(id) ON DELETE RESTRICT, org_id int, CONSTRAINT fk FOREIGN KEY (org_id) REFERENCES orgs(id) ON DELETE SET NULL)",
                "CREATE TABLE o (user_id int REFERENCES users(id) ON DELETE CASCADE, org_id int, CONSTRAINT fk FOREIGN KEY (org_id) REFERENCES orgs(id))",
                "CREATE TABLE o (user_id int REFERENCES users(id) ON DELETE CASCADE, org_id int, CONSTRAINT fk FOREIGN KEY (org_id) REFERENCES orgs(id) ON DELETE CASCADE)")),
        arguments(
            "SCH_007",
            Part.UP,
            "CREATE TABLE p (price numeric CHECK (price > 0), CONSTRAINT c CHECK (price < 1000))",
            List.of(
                "CREATE TABLE p (price numeric, CONSTRAINT c CHECK (price < 1000))",
                "CREATE TABLE p (price numeric CHECK (price > 0))")),
        arguments(
            "SCH_008",
            Part.UP,
            "CREATE TABLE p (price numeric CHECK (price > 0), state text, CONSTRAINT c CHECK (state IN ('a', 'b') AND price <= 1000))",
            List.of(
                "CREATE TABLE p (price numeric CHECK (price >= 0), state text, CONSTRAINT c CHECK (state IN ('a', 'b') AND price <= 1000))",
                "CREATE TABLE p (price numeric CHECK (price > 0), state text, CONSTRAINT c CHECK (state IN ('a', 'b') AND price < 1000))",
                "CREATE TABLE p (price numeric CHECK (price > 0), state text, CONSTRAINT c CHECK (price <= 1000))",
                "CREATE TABLE p (price numeric CHECK (price > 0), state text, CONSTRAINT c CHECK (state IN ('a', 'b')))",
                "CREATE TABLE p (price numeric CHECK (price > 0), state text, CONSTRAINT c CHECK (state IN ('b') AND price <= 1000))",
                "CREATE TABLE p (price numeric CHECK (price > 0), state text, CONSTRAINT c CHECK (state IN ('a') AND price <= 1000))")),
        arguments(
            "SCH_009",
            Part.UP,
            "CREATE TABLE p (state text NOT NULL DEFAULT 'new', at timestamptz DEFAULT now())",
            List.of(
                "CREATE TABLE p (state text NOT NULL, at timestamptz DEFAULT now())",
                "CREATE TABLE p (state text NOT NULL DEFAULT 'new', at timestamptz)")),
        arguments(
            "SCH_009", Part.UP, "ALTER TABLE p ALTER COLUMN state SET DEFAULT 'x'", List.of("")),
        arguments(
            "SCH_010",
            Part.UP,
            "CREATE TABLE p (id bigint, n integer, amount numeric(10,2), name varchar(20), note text, at timestamptz, b boolean)",
            List.of(
                "CREATE TABLE p (id integer, n integer, amount numeric (10, 2), name varchar (20), note text, at timestamptz, b boolean)",
                "CREATE TABLE p (id bigint, n smallint, amount numeric (10, 2), name varchar (20), note text, at timestamptz, b boolean)",
                "CREATE TABLE p (id bigint, n integer, amount numeric(10, 1), name varchar (20), note text, at timestamptz, b boolean)",
                "CREATE TABLE p (id bigint, n integer, amount numeric (10, 2), name varchar(10), note text, at timestamptz, b boolean)",
                "CREATE TABLE p (id bigint, n integer, amount numeric (10, 2), name varchar (20), note varchar(50), at timestamptz, b boolean)",
                "CREATE TABLE p (id bigint, n integer, amount numeric (10, 2), name varchar (20), note text, at timestamp, b boolean)")),
        arguments(
            "SCH_010",
            Part.UP,
            "ALTER TABLE p ALTER COLUMN n TYPE bigint",
            List.of("ALTER TABLE p ALTER COLUMN n TYPE integer")),
        arguments(
            "SCH_011",
            Part.UP,
            "CREATE TABLE m (a int, b int, PRIMARY KEY (a, b), CONSTRAINT fk FOREIGN KEY (a, b) REFERENCES t (x, y))",
            List.of(
                "CREATE TABLE m (a int, b int, PRIMARY KEY (b), CONSTRAINT fk FOREIGN KEY (a, b) REFERENCES t(x, y))",
                "CREATE TABLE m (a int, b int, PRIMARY KEY (a), CONSTRAINT fk FOREIGN KEY (a, b) REFERENCES t(x, y))",
                "CREATE TABLE m (a int, b int, PRIMARY KEY (a, b), CONSTRAINT fk FOREIGN KEY (b) REFERENCES t(y))",
                "CREATE TABLE m (a int, b int, PRIMARY KEY (a, b), CONSTRAINT fk FOREIGN KEY (a) REFERENCES t(x))")),
        arguments("SCH_012", Part.UP, "ALTER TABLE o VALIDATE CONSTRAINT fk", List.of("")),
        arguments(
            "DAT_001",
            Part.UP,
            "UPDATE users SET active = true WHERE last_login > now() - interval '1 year'",
            List.of("UPDATE users SET active = true")),
        arguments(
            "DAT_002",
            Part.UP,
            "DELETE FROM sessions WHERE expires_at < now()",
            List.of("DELETE FROM sessions")),
        arguments("DAT_003", Part.UP, "INSERT INTO roles (name) VALUES ('admin')", List.of("")),
        arguments(
            "DAT_004",
            Part.UP,
            "UPDATE users SET tier = 'gold' WHERE points >= 100",
            List.of("UPDATE users SET tier = 'gold' WHERE NOT (points >= 100)")),
        arguments(
            "DAT_005",
            Part.UP,
            "UPDATE orders o SET customer_id = c.id FROM customers c WHERE c.email = o.email AND o.customer_id IS NULL",
            List.of(
                "UPDATE orders o SET customer_id = c.id FROM customers c WHERE o.customer_id IS NULL",
                "UPDATE orders o SET customer_id = c.id FROM customers c WHERE c.email = o.email")),
        arguments(
            "DAT_006",
            Part.UP,
            "DELETE FROM t WHERE a BETWEEN 1 AND 4 AND b = 3",
            List.of(
                "DELETE FROM t WHERE a > 1 AND a < 4 AND b = 3",
                "DELETE FROM t WHERE a BETWEEN 1 AND 4 AND b <> 3")),
        arguments(
            "DAT_007",
            Part.UP,
            "UPDATE t SET a = 0 WHERE a IS NULL",
            List.of("UPDATE t SET a = 0 WHERE a IS NOT NULL")),
        arguments(
            "DAT_008",
            Part.UP,
            "UPDATE t SET a = 0, b = 1 WHERE id = 1",
            List.of("UPDATE t SET b = 1 WHERE id = 1", "UPDATE t SET a = 0 WHERE id = 1")),
        arguments(
            "DAT_009", Part.UP, "UPDATE t SET a = coalesce(b, 0)", List.of("UPDATE t SET a = b")),
        arguments(
            "DAT_009",
            Part.UP,
            "INSERT INTO t (a) SELECT nullif(b, '') FROM u",
            List.of("INSERT INTO t (a) SELECT b FROM u")),
        arguments(
            "DAT_010",
            Part.UP,
            "INSERT INTO t (a) SELECT DISTINCT b FROM u ON CONFLICT DO NOTHING",
            List.of(
                "INSERT INTO t (a) SELECT b FROM u ON CONFLICT DO NOTHING",
                "INSERT INTO t (a) SELECT DISTINCT b FROM u")),
        arguments("RBK_001", Part.DOWN, "DROP TABLE users", List.of("")),
        arguments("RBK_001", Part.UP, "DROP TABLE users", List.of()),
        arguments("RBK_001", Part.DOWN, "COMMIT", List.of()),
        arguments("RBK_001", Part.DOWN, "ROLLBACK", List.of()),
        arguments("RBK_001", Part.DOWN, "SAVEPOINT before_drop", List.of()),
        arguments("RBK_001", Part.DOWN, "RESET search_path", List.of()),
        arguments("RBK_002", Part.DOWN, "UPDATE users SET name = old_name", List.of("")),
        arguments(
            "RBK_003",
            Part.DOWN,
            "ALTER TABLE users ADD COLUMN name text NOT NULL DEFAULT ''",
            List.of(
                "ALTER TABLE users ADD COLUMN name text DEFAULT ''",
                "ALTER TABLE users ADD COLUMN name text NOT NULL")),
        arguments("RBK_004", Part.DOWN, "CREATE INDEX users_name ON users (name)", List.of("")),
        arguments(
            "RBK_005",
            Part.DOWN,
            "DELETE FROM users WHERE id > 100",
            List.of("DELETE FROM users", "DELETE FROM users WHERE NOT (id > 100)")),
        arguments(
            "PRF_001",
            Part.UP,
            "CREATE INDEX CONCURRENTLY users_name ON users (name)",
            List.of("CREATE INDEX users_name ON users (name)")),
        arguments(
            "PRF_002",
            Part.UP,
            "DROP INDEX CONCURRENTLY IF EXISTS users_name",
            List.of("DROP INDEX IF EXISTS users_name")),
        arguments(
            "PRF_002",
            Part.UP,
            "REINDEX INDEX CONCURRENTLY users_name",
            List.of("REINDEX INDEX users_name")),
        arguments(
            "PRF_003",
            Part.UP,
            "ALTER TABLE o ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES x (id) NOT VALID",
            List.of("ALTER TABLE o ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES x (id)")),
        arguments("PRF_004", Part.UP, "-- keep waits short\nSET lock_timeout TO '5s'", List.of("")),
        arguments("PRF_004", Part.UP, "SET LOCAL statement_timeout = '1min'", List.of("")),
        arguments("PRF_005", Part.UP, "CREATE INDEX users_name ON users (name)", List.of("")),
        arguments(
            "PRF_006",
            Part.UP,
            "UPDATE t SET a = 1 WHERE id IN (SELECT id FROM t WHERE a IS NULL LIMIT 1000)",
            List.of("UPDATE t SET a = 1 WHERE id IN (SELECT id FROM t WHERE a IS NULL)")));
  }

  @ParameterizedTest(name = "{0} on {2}")
  @MethodSource("catalog")
  void makesTheseMutants(String id, Part part, String sql, List<String> mutated) {
    assertThat(mutants(id, part, sql)).extracting(Mutation::sql).containsExactlyElementsOf(mutated);
  }

  @Test
  void everyOperatorHasAnExampleAndAStableIdOfItsCategory() {
    Set<String> shown = catalog().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
    assertThat(Operators.ALL).hasSize(33);
    for (Operator operator : Operators.ALL) {
      assertThat(shown).as("an example of %s", operator.id()).contains(operator.id());
      assertThat(operator.id()).matches(operator.category().prefix() + "_\\d{3}");
      assertThat(operator.description()).isNotBlank();
      assertThat(operator.killedBy()).isNotBlank();
    }
    assertThat(Operators.ALL.stream().map(Operator::id).distinct()).hasSize(33);
  }

  @Test
  void rollbackOperatorsMutateDownScriptsOnlyAndTheOthersUpScriptsOnly() {
    assertThat(mutants("RBK_001", Part.UP, "DROP TABLE users")).isEmpty();
    assertThat(mutants("SCH_001", Part.DOWN, "CREATE TABLE t (a int NOT NULL)")).isEmpty();
    for (Operator operator : Operators.ALL) {
      assertThat(operator.part())
          .isEqualTo(operator.category() == Category.ROLLBACK ? Part.DOWN : Part.UP);
    }
  }

  @Test
  void mutantsThatCannotDifferAreMarkedEquivalentWithTheReason() {
    List<Mutation> notNull =
        mutants(
            "SCH_001",
            Part.UP,
            "CREATE TABLE t (id bigint NOT NULL, name text NOT NULL, PRIMARY KEY (id))");
    assertThat(notNull)
        .extracting(Mutation::equivalentBecause)
        .containsExactly("a primary key column is NOT NULL anyway", null);
    List<Mutation> unique =
        mutants(
            "SCH_004", Part.UP, "CREATE TABLE t (a int, b int, PRIMARY KEY (a, b), UNIQUE (b, a))");
    assertThat(unique.get(0).equivalentBecause()).isEqualTo("the primary key has the same columns");
  }

  @Test
  void aStatementJSqlParserCannotParseGetsOnlyTokenOperators() {
    String sql = "ALTER TABLE o ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES x (id) NOT VALID";
    assertThat(
            Operators.ALL.stream()
                .filter(o -> !mutants(o.id(), o.part(), sql).isEmpty())
                .map(Operator::id))
        .containsExactly("PRF_003");
  }

  @Test
  void eachMutantSaysWhatChanged() {
    assertThat(mutants("DAT_005", Part.UP, "DELETE FROM t WHERE a = 1 OR b = 2"))
        .extracting(Mutation::change)
        .containsExactly(
            "`a = 1` dropped from `a = 1 OR b = 2`", "`b = 2` dropped from `a = 1 OR b = 2`");
  }

  private static List<Mutation> mutants(String id, Part part, String sql) {
    return Operators.byId(id).orElseThrow().mutate(new Site(sql, part, () -> parse(sql)));
  }

  private static Statement parse(String sql) {
    try {
      return CCJSqlParserUtil.parse(sql);
    } catch (JSQLParserException e) {
      return null;
    }
  }
}
