package io.migtest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a synthetic Flyway history: per migration a table with constraints, indexes, a plpgsql
 * function with a trigger, seed rows, a backfill and a view, about ten statements each.
 */
final class HistoryGenerator {
  private HistoryGenerator() {}

  static int write(Path dir, int count) throws IOException {
    Files.createDirectories(dir);
    int statements = 0;
    for (int i = 1; i <= count; i++) {
      String t = "t" + i;
      String parent = i > 1 ? "t" + (i - 1) : null;
      StringBuilder sql = new StringBuilder();
      sql.append(String.format(Locale.ROOT, "-- migration %d: table %s%n", i, t));
      sql.append("CREATE TABLE ")
          .append(t)
          .append(" (\n")
          .append("  id bigserial PRIMARY KEY,\n")
          .append("  code text NOT NULL UNIQUE,\n")
          .append("  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),\n")
          .append(
              parent == null
                  ? ""
                  : "  parent_id bigint REFERENCES " + parent + " (id) ON DELETE CASCADE,\n")
          .append("  created_at timestamptz NOT NULL DEFAULT now()\n);\n");
      sql.append("CREATE INDEX ")
          .append(t)
          .append("_created_idx ON ")
          .append(t)
          .append(" (created_at);\n");
      sql.append("CREATE FUNCTION ")
          .append(t)
          .append("_touch() RETURNS trigger LANGUAGE plpgsql AS $$\n")
          .append("BEGIN\n  NEW.created_at := now();\n  RETURN NEW;\nEND;\n$$;\n");
      sql.append("CREATE TRIGGER ")
          .append(t)
          .append("_touch BEFORE UPDATE ON ")
          .append(t)
          .append(" FOR EACH ROW EXECUTE FUNCTION ")
          .append(t)
          .append("_touch();\n");
      sql.append("INSERT INTO ")
          .append(t)
          .append(" (code, amount) SELECT 'c' || g, g FROM generate_series(1, 20) g;\n");
      sql.append("ALTER TABLE ").append(t).append(" ADD COLUMN note text;\n");
      sql.append("UPDATE ").append(t).append(" SET note = 'seeded ' || code WHERE amount > 10;\n");
      sql.append("COMMENT ON TABLE ")
          .append(t)
          .append(" IS 'generated table ")
          .append(i)
          .append("';\n");
      sql.append("CREATE VIEW ")
          .append(t)
          .append("_big AS SELECT id, code FROM ")
          .append(t)
          .append(" WHERE amount > 15;\n");
      sql.append("ANALYZE ").append(t).append(";\n");
      statements += 10;
      Files.writeString(dir.resolve("V" + i + "__create_" + t + ".sql"), sql.toString());
    }
    return statements;
  }
}
