// Searches every column of every table a database has — read from the database's own catalog, so
// a table or column added later is searched too — for any of the given strings (ignoring case).
import type { TestDatabase } from "./database";

export type Hit = { table: string; column: string; needle: string; value: string };

type Column = { table: string; column: string };

async function columns(db: TestDatabase): Promise<Column[]> {
  if (db.provider === "sqlite") {
    const tables = await db.prisma.$queryRawUnsafe<{ name: string }[]>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    );
    const all: Column[] = [];
    for (const { name } of tables) {
      const cols = await db.prisma.$queryRawUnsafe<{ name: string }[]>(
        `SELECT name FROM pragma_table_info('${name.replace(/'/g, "''")}')`,
      );
      all.push(...cols.map((c) => ({ table: `"${name}"`, column: c.name })));
    }
    return all;
  }
  const rows = await db.prisma.$queryRawUnsafe<
    { table_schema: string; table_name: string; column_name: string }[]
  >(
    `SELECT c.table_schema::text AS table_schema, c.table_name::text AS table_name, c.column_name::text AS column_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema') AND c.table_schema NOT LIKE 'pg_toast%'`,
  );
  return rows.map((r) => ({ table: `"${r.table_schema}"."${r.table_name}"`, column: r.column_name }));
}

/** The tables the search covered, for the test to show it looked everywhere. */
export async function catalogTables(db: TestDatabase): Promise<string[]> {
  return [...new Set((await columns(db)).map((c) => c.table))];
}

export async function findInEveryColumn(db: TestDatabase, needles: string[]): Promise<Hit[]> {
  const lower = needles.map((n) => n.toLowerCase());
  const hits: Hit[] = [];
  for (const { table, column } of await columns(db)) {
    const cast = db.provider === "sqlite" ? `CAST("${column}" AS TEXT)` : `"${column}"::text`;
    const values = await db.prisma.$queryRawUnsafe<{ v: string | null }[]>(
      `SELECT ${cast} AS v FROM ${table} WHERE "${column}" IS NOT NULL`,
    );
    for (const { v } of values) {
      if (v == null) continue;
      const text = v.toLowerCase();
      lower.forEach((needle, i) => {
        const at = text.indexOf(needle);
        if (at >= 0)
          hits.push({
            table,
            column,
            needle: needles[i],
            value: v.slice(Math.max(0, at - 60), at + needle.length + 60),
          });
      });
    }
  }
  return hits;
}
