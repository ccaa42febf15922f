package io.migtest.schema;

import java.util.List;

/**
 * What a schema snapshot reads from {@code pg_catalog}: one query per kind of object, each row an
 * object whose first column {@code name} identifies it within its kind and whose other columns are
 * its properties, in the server's canonical text ({@code pg_get_constraintdef}, {@code
 * pg_get_indexdef}, {@code pg_get_viewdef}, {@code pg_get_functiondef}, {@code pg_get_triggerdef},
 * {@code format_type}) and free of OIDs. Only the user's schemas count, and nothing an extension
 * created.
 */
final class CatalogQueries {
  /** A kind of object and the query that lists them. */
  record Query(String kind, String sql) {}

  private static final String USER_SCHEMA =
      "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'";

  private static String notFromExtension(String catalog, String oid) {
    return "NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '"
        + catalog
        + "'::regclass AND e.objid = "
        + oid
        + " AND e.deptype = 'e')";
  }

  static final List<Query> ALL =
      List.of(
          new Query(
              "schema",
              "SELECT n.nspname AS name, pg_get_userbyid(n.nspowner) AS owner FROM pg_namespace n"
                  + " WHERE "
                  + USER_SCHEMA
                  + " AND n.nspname <> 'public' AND "
                  + notFromExtension("pg_namespace", "n.oid")),
          new Query(
              "extension",
              "SELECT x.extname AS name, n.nspname AS schema FROM pg_extension x"
                  + " JOIN pg_namespace n ON n.oid = x.extnamespace WHERE x.extname <> 'plpgsql'"),
          new Query(
              "table",
              "SELECT n.nspname || '.' || c.relname AS name,"
                  + " CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'partitioned table'"
                  + " WHEN 'f' THEN 'foreign table' END AS kind,"
                  + " CASE c.relpersistence WHEN 'u' THEN 'unlogged' ELSE 'logged' END AS persistence,"
                  + " pg_get_partkeydef(c.oid) AS \"partition key\","
                  + " CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END"
                  + " AS \"partition of\","
                  + " c.relrowsecurity AS \"row security\", c.relforcerowsecurity AS \"forced row security\","
                  + " pg_get_userbyid(c.relowner) AS owner,"
                  + " array_to_string(c.reloptions, ', ') AS options"
                  + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                  + " WHERE c.relkind IN ('r', 'p', 'f') AND "
                  + USER_SCHEMA
                  + " AND "
                  + notFromExtension("pg_class", "c.oid")),
          new Query(
              "column",
              "SELECT n.nspname || '.' || c.relname || '.' || a.attname AS name,"
                  + " format_type(a.atttypid, a.atttypmod) AS type,"
                  + " a.attnotnull AS \"not null\", pg_get_expr(d.adbin, d.adrelid) AS"
                  + " \"default\","
                  + " CASE a.attidentity WHEN 'a' THEN 'always' WHEN 'd' THEN 'by default' END"
                  + " AS identity,"
                  + " CASE a.attgenerated WHEN 's' THEN 'stored' END AS generated,"
                  + " CASE WHEN a.attcollation <> t.typcollation THEN co.collname END AS collation,"
                  + " (SELECT count(*) FROM pg_attribute o WHERE o.attrelid = a.attrelid"
                  + " AND o.attnum > 0 AND NOT o.attisdropped AND o.attnum <= a.attnum)"
                  + " AS position"
                  + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                  + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                  + " JOIN pg_type t ON t.oid = a.atttypid"
                  + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                  + " LEFT JOIN pg_collation co ON co.oid = a.attcollation"
                  + " WHERE a.attnum > 0 AND NOT a.attisdropped"
                  + " AND c.relkind IN ('r', 'p', 'f', 'v', 'm') AND "
                  + USER_SCHEMA
                  + " AND "
                  + notFromExtension("pg_class", "c.oid")),
          new Query(
              "constraint",
              "SELECT n.nspname || '.' || c.relname || '.' || con.conname AS name,"
                  + " pg_get_constraintdef(con.oid) AS definition,"
                  + " con.convalidated AS validated"
                  + " FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid"
                  + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE "
                  + USER_SCHEMA
                  + " AND "
                  + notFromExtension("pg_class", "c.oid")),
          new Query(
              "index",
              "SELECT n.nspname || '.' || i.relname AS name,"
                  + " pg_get_indexdef(x.indexrelid) AS definition,"
                  + " x.indisvalid AS valid"
                  + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
                  + " JOIN pg_namespace n ON n.oid = i.relnamespace"
                  + " WHERE NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid"
                  + " AND k.contype IN ('p', 'u', 'x')) AND "
                  + USER_SCHEMA
                  + " AND "
                  + notFromExtension("pg_class", "x.indrelid")),
          new Query(
              "sequence",
              "SELECT n.nspname || '.' || c.relname AS name, format_type(s.seqtypid, NULL) AS type,"
                  + " s.seqstart AS start, s.seqincrement AS increment, s.seqmin AS minimum,"
                  + " s.seqmax AS maximum, s.seqcache AS cache, s.seqcycle AS cycle,"
                  + " (SELECT dn.nspname || '.' || dc.relname || '.' || da.attname FROM pg_depend d"
                  + " JOIN pg_class dc ON dc.oid = d.refobjid"
                  + " JOIN pg_namespace dn ON dn.oid = dc.relnamespace"
                  + " JOIN pg_attribute da ON da.attrelid = d.refobjid AND da.attnum = d.refobjsubid"
                  + " WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid"
                  + " AND d.deptype IN ('a', 'i') LIMIT 1) AS \"owned by\""
                  + " FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid"
                  + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE "
                  + USER_SCHEMA
                  + " AND "
                  + notFromExtension("pg_class", "c.oid")),
          new Query(
              "view",
              "SELECT n.nspname || '.' || c.relname AS name,"
                  + " CASE c.relkind WHEN 'v' THEN 'view' ELSE 'materialized view' END AS kind,"
                  + " pg_get_viewdef(c.oid) AS definition"
                  + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                  + " WHERE c.relkind IN ('v', 'm') AND "
                  + USER_SCHEMA
                  + " AND "
                  + notFromExtension("pg_class", "c.oid")),
          new Query(
              "function",
              "SELECT n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid)"
                  + " || ')' AS name,"
                  + " CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate'"
                  + " WHEN 'w' THEN 'window' ELSE 'function' END AS kind,"
                  + " CASE WHEN p.prokind IN ('f', 'p') THEN pg_get_functiondef(p.oid) END"
                  + " AS definition"
                  + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE "
                  + USER_SCHEMA
                  + " AND "
                  + notFromExtension("pg_proc", "p.oid")),
          new Query(
              "trigger",
              "SELECT n.nspname || '.' || c.relname || '.' || t.tgname AS name,"
                  + " pg_get_triggerdef(t.oid) AS definition,"
                  + " CASE t.tgenabled WHEN 'D' THEN 'disabled' WHEN 'R' THEN 'replica'"
                  + " WHEN 'A' THEN 'always' ELSE 'enabled' END AS enabled"
                  + " FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                  + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                  + " WHERE NOT t.tgisinternal AND "
                  + USER_SCHEMA
                  + " AND "
                  + notFromExtension("pg_class", "c.oid")),
          new Query(
              "type",
              "SELECT n.nspname || '.' || t.typname AS name,"
                  + " CASE t.typtype WHEN 'e' THEN 'enum' WHEN 'c' THEN 'composite'"
                  + " WHEN 'd' THEN 'domain' WHEN 'r' THEN 'range' ELSE t.typtype::text END AS kind,"
                  + " CASE t.typtype"
                  + " WHEN 'e' THEN (SELECT string_agg(quote_literal(e.enumlabel), ', '"
                  + " ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid)"
                  + " WHEN 'c' THEN (SELECT string_agg(quote_ident(a.attname) || ' '"
                  + " || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum)"
                  + " FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0"
                  + " AND NOT a.attisdropped)"
                  + " WHEN 'd' THEN format_type(t.typbasetype, t.typtypmod)"
                  + " || CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END"
                  + " || coalesce(' DEFAULT ' || t.typdefault, '')"
                  + " || coalesce((SELECT ' ' || string_agg(pg_get_constraintdef(k.oid), ' '"
                  + " ORDER BY k.conname) FROM pg_constraint k WHERE k.contypid = t.oid), '')"
                  + " END AS definition"
                  + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                  + " WHERE (t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c' AND"
                  + " (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')) AND "
                  + USER_SCHEMA
                  + " AND "
                  + notFromExtension("pg_type", "t.oid")),
          new Query(
              "policy",
              "SELECT n.nspname || '.' || c.relname || '.' || p.polname AS name,"
                  + " CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN"
                  + " 'UPDATE' WHEN 'd' THEN 'DELETE' ELSE 'ALL' END AS command,"
                  + " p.polpermissive AS permissive,"
                  + " (SELECT string_agg(CASE WHEN r = 0 THEN 'public' ELSE pg_get_userbyid(r) END,"
                  + " ', ' ORDER BY 1) FROM unnest(p.polroles) r) AS roles,"
                  + " pg_get_expr(p.polqual, p.polrelid) AS using,"
                  + " pg_get_expr(p.polwithcheck, p.polrelid) AS \"with check\""
                  + " FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid"
                  + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE "
                  + USER_SCHEMA),
          new Query(
              "comment",
              "SELECT CASE WHEN d.classoid = 'pg_class'::regclass THEN"
                  + " (SELECT n.nspname || '.' || c.relname || CASE WHEN d.objsubid > 0 THEN '.' ||"
                  + " (SELECT attname FROM pg_attribute WHERE attrelid = c.oid AND attnum = d.objsubid)"
                  + " ELSE '' END FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                  + " WHERE c.oid = d.objoid AND "
                  + USER_SCHEMA
                  + ")"
                  + " WHEN d.classoid = 'pg_namespace'::regclass THEN"
                  + " (SELECT 'schema ' || nspname FROM pg_namespace n WHERE n.oid = d.objoid AND "
                  + USER_SCHEMA
                  + ")"
                  + " WHEN d.classoid = 'pg_proc'::regclass THEN"
                  + " (SELECT n.nspname || '.' || p.proname || '('"
                  + " || pg_get_function_identity_arguments(p.oid) || ')' FROM pg_proc p"
                  + " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.oid = d.objoid AND "
                  + USER_SCHEMA
                  + ")"
                  + " END AS name, d.description AS text"
                  + " FROM pg_description d"
                  + " WHERE d.classoid IN ('pg_class'::regclass, 'pg_namespace'::regclass,"
                  + " 'pg_proc'::regclass)"
                  // What initdb made (OIDs below FirstNormalObjectId) is not the user's, but the
                  // public schema: skipping its thousands of built-in function comments makes
                  // this query 4-10 times faster.
                  + " AND (d.objoid >= 16384 OR d.classoid = 'pg_namespace'::regclass)"));

  private CatalogQueries() {}
}
