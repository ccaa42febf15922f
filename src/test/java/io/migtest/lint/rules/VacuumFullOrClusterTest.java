package io.migtest.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.lint.RuleTester;
import io.migtest.sql.TransactionMode;
import org.junit.jupiter.api.Test;

class VacuumFullOrClusterTest {
  private final VacuumFullOrCluster rule = new VacuumFullOrCluster();

  @Test
  void vacuumFullAndClusterOnExistingTablesAreFound() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                "CREATE TABLE orders (id int PRIMARY KEY); CREATE TABLE items (id int)",
                "VACUUM FULL orders;\n"
                    + "VACUUM (FULL, ANALYZE) orders, items;\n"
                    + "VACUUM FULL VERBOSE;\n"
                    + "CLUSTER orders USING orders_pkey;\n"
                    + "CLUSTER;",
                TransactionMode.AUTOCOMMIT))
        .extracting(f -> f.line() + " " + f.message().substring(0, f.message().indexOf(" writes")))
        .containsExactly(
            "1 VACUUM FULL orders",
            "2 VACUUM FULL orders, items",
            "3 VACUUM FULL (every table of the database)",
            "4 CLUSTER orders",
            "5 CLUSTER (every table clustered before)");
  }

  @Test
  void plainVacuumAnalyzeAndNewTablesAreFine() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                "CREATE TABLE orders (id int)",
                "VACUUM (ANALYZE) orders;\n"
                    + "VACUUM orders;\n"
                    + "VACUUM (FULL false) orders;\n"
                    + "ANALYZE orders;\n"
                    + "CREATE TABLE n (id int PRIMARY KEY);\n"
                    + "VACUUM FULL n;\n"
                    + "CLUSTER n USING n_pkey;",
                TransactionMode.AUTOCOMMIT))
        .isEmpty();
  }

  @Test
  void withoutADatabaseTheTableIsAssumedToExist() {
    assertThat(RuleTester.lint(rule, "VACUUM FULL orders;", TransactionMode.AUTOCOMMIT))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("No database: assumed to exist"));
  }
}
