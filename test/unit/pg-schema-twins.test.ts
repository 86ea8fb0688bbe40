import { is } from 'drizzle-orm';
import { getTableConfig as pgConfig, PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig, SQLiteTable, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as pgSchema from '../../src/db/pg/schema.js';
import * as sqliteSchema from '../../src/db/schema.js';

/**
 * The PostgreSQL tables (src/db/pg) are twins of the SQLite ones (src/domain/*\/*-tables.ts): same
 * tables, columns, nullability, defaults, keys, references and indexes, with mapped types. Adding a
 * column on one side only fails here (and, at compile time, below: the row types must be identical).
 */
type Row<T> = T extends { $inferSelect: infer R } ? R : never;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type RowMismatch = {
  [K in keyof typeof sqliteSchema]: K extends keyof typeof pgSchema ? (Same<Row<(typeof sqliteSchema)[K]>, Row<(typeof pgSchema)[K]>> extends true ? never : K) : never;
}[keyof typeof sqliteSchema];
const rowTypesMatch: [RowMismatch] extends [never] ? true : RowMismatch = true;

const tablesOf = <T>(mod: Record<string, unknown>, kind: abstract new (...a: never[]) => T): Map<string, T> =>
  new Map(Object.entries(mod).filter(([, v]) => is(v, kind as never)).map(([k, v]) => [k, v as T]));

const sqliteTables = tablesOf(sqliteSchema, SQLiteTable);
const pgTables = tablesOf(pgSchema, PgTable);

/** Milliseconds since the epoch outgrow PostgreSQL's 32-bit integer: such columns must be bigint. */
const isTime = (name: string) => /(At|Until|Ms|From|To)$/.test(name) || name === 'at';

function expectedPgTypes(c: SQLiteColumn): string[] {
  switch (c.columnType) {
    case 'SQLiteText':
      return ['text'];
    case 'SQLiteTextJson':
      return ['json', 'jsonb'];
    case 'SQLiteBoolean':
      return ['boolean'];
    case 'SQLiteBlobBuffer':
      return ['bytea'];
    case 'SQLiteInteger':
      return isTime(c.name) ? ['bigint'] : ['integer', 'bigint'];
    default:
      return [`(no mapping for ${c.columnType})`];
  }
}

function describeColumn(c: SQLiteColumn | PgColumn) {
  const ref = (c as { default?: unknown }).default;
  return { notNull: c.notNull, primary: c.primary, unique: c.isUnique, hasDefault: c.hasDefault, default: typeof ref === 'object' ? 'sql' : ref };
}

/**
 * Indexes only PostgreSQL has, with why: a key compared byte-wise (`collate "C"`, as SQLite compares all
 * text) cannot use an index in the database's collation, so PostgreSQL needs a second one in collation C
 * where SQLite's own index already serves.
 */
const PG_ONLY_INDEXES: ReadonlyMap<string, string> = new Map([
  ['outbox_idem_key_c_idx', "the outbox's key-prefix lookup (an approval's cards) by idem_key in byte order"],
  ['vault_keys_document_c_idx', "a key rotation's rewrap batches past a document id in byte order"],
]);

function shape(cfg: ReturnType<typeof sqliteConfig> | ReturnType<typeof pgConfig>) {
  const names = (cols: { name: string }[]) => cols.map((c) => c.name);
  return {
    columns: names(cfg.columns).sort(),
    primaryKeys: cfg.primaryKeys.map((pk) => names(pk.columns)),
    foreignKeys: cfg.foreignKeys
      .map((fk) => {
        const r = fk.reference();
        return `${names(r.columns).join(',')} -> ${(r.foreignTable as unknown as { [k: symbol]: string })[Symbol.for('drizzle:Name')]}(${names(r.foreignColumns).join(',')})`;
      })
      .sort(),
    indexes: cfg.indexes
      .filter((i) => !PG_ONLY_INDEXES.has(i.config.name ?? ''))
      .map((i) => `${i.config.name}${i.config.unique ? ' unique' : ''} (${(i.config.columns as { name: string }[]).map((c) => c.name).join(',')})${i.config.where ? ' partial' : ''}`)
      .sort(),
    uniques: cfg.uniqueConstraints.map((u) => names(u.columns).join(',')).sort(),
  };
}

describe('PostgreSQL table twins', () => {
  it('type-check: every twin has the same row type', () => {
    expect(rowTypesMatch).toBe(true);
  });

  it('have the same tables under the same names', () => {
    const sqlNames = (m: Map<string, SQLiteTable | PgTable>, cfg: (t: never) => { name: string }) =>
      [...m].map(([k, t]) => `${k}=${cfg(t as never).name}`).sort();
    expect(sqlNames(pgTables, pgConfig)).toEqual(sqlNames(sqliteTables, sqliteConfig));
    expect(sqliteTables.size).toBeGreaterThanOrEqual(30);
  });

  it('list only PostgreSQL-only indexes that PostgreSQL has and SQLite does not', () => {
    const names = (m: Map<string, SQLiteTable | PgTable>, cfg: (t: never) => { indexes: { config: { name?: string } }[] }) =>
      new Set([...m.values()].flatMap((t) => cfg(t as never).indexes.map((i) => i.config.name ?? '')));
    const pg = names(pgTables, pgConfig);
    const sqlite = names(sqliteTables, sqliteConfig);
    expect([...PG_ONLY_INDEXES.keys()].filter((n) => !pg.has(n) || sqlite.has(n))).toEqual([]);
  });

  for (const [key, sqliteTable] of sqliteTables) {
    it(`${key}: same columns, keys, references and indexes; mapped types`, () => {
      const pgTable = pgTables.get(key);
      expect(pgTable, `src/db/pg has no twin of ${key}`).toBeDefined();
      const s = sqliteConfig(sqliteTable);
      const p = pgConfig(pgTable!);
      expect(shape(p)).toEqual(shape(s));
      for (const sc of s.columns) {
        const pc = p.columns.find((c) => c.name === sc.name)!;
        // SQLite's INTEGER PRIMARY KEY is the rowid, which "has a default"; the repositories always give it.
        const rowid = sc.columnType === 'SQLiteInteger' && sc.primary && !(sc as { autoIncrement?: boolean }).autoIncrement;
        const want = { column: sc.name, ...describeColumn(sc), ...(rowid ? { hasDefault: false } : {}) };
        expect({ column: sc.name, ...describeColumn(pc) }).toEqual(want);
        expect(expectedPgTypes(sc), `${key}.${sc.name}`).toContain(pc.getSQLType());
        const autoIncrement = (sc as { autoIncrement?: boolean }).autoIncrement === true;
        expect(pc.generatedIdentity !== undefined, `${key}.${sc.name}: autoincrement ↔ identity`).toBe(autoIncrement);
      }
    });
  }
});
