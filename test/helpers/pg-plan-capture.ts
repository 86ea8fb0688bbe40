import { AsyncLocalStorage } from 'node:async_hooks';
import { PgDatabase } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { firstCaller } from './stack-caller.js';

/** A statement the suite sent to PostgreSQL: its text, the values of its first run, and who ran it. */
export interface CapturedPgStatement {
  sql: string;
  values: unknown[];
  /** The first file outside node_modules that ran it (relative to the checkout): src/… for the service's own. */
  caller?: string;
}

type Fn = (...args: unknown[]) => unknown;
const QUERY = /^\s*(select|insert|update|delete|with)\b/i;
const BUILDERS = ['select', 'selectDistinct', 'selectDistinctOn', 'insert', 'update', 'delete', 'execute', 'with', '$with', '$count'] as const;

/**
 * Records every statement node-postgres is sent in this process, with who sent it, until `stop()`.
 * drizzle runs a statement from a microtask (awaiting its query builder calls `then` later), where the
 * stack no longer shows the repository: so the repository's call to build it (`db.select()`, …) notes
 * its caller in an AsyncLocalStorage, which the statement's run (same async context) reads back.
 */
export function capturePgCallers(): { statements: Map<string, CapturedPgStatement>; stop(): void } {
  const callers = new AsyncLocalStorage<string | undefined>();
  const statements = new Map<string, CapturedPgStatement>();
  const restore: (() => void)[] = [];
  const patch = (proto: Record<string, unknown>, name: string, wrap: (original: Fn) => Fn) => {
    const original = proto[name] as Fn | undefined;
    if (typeof original !== 'function') return;
    proto[name] = wrap(original);
    restore.push(() => (proto[name] = original));
  };
  for (const name of BUILDERS) {
    patch(PgDatabase.prototype as unknown as Record<string, unknown>, name, (original) => function (this: unknown, ...args: unknown[]) {
      callers.enterWith(firstCaller('pg-plan-capture.ts'));
      return original.apply(this, args);
    });
  }
  const record = (original: Fn) => function (this: unknown, ...args: unknown[]) {
    const [first, second] = args;
    const text = typeof first === 'string' ? first : (first as { text?: string } | null)?.text;
    if (text && QUERY.test(text) && !statements.has(text)) {
      const values = (Array.isArray(second) ? second : (first as { values?: unknown[] } | null)?.values) ?? [];
      statements.set(text, { sql: text, values, caller: firstCaller('pg-plan-capture.ts') ?? callers.getStore() });
    }
    return original.apply(this, args);
  };
  patch(pg.Pool.prototype as unknown as Record<string, unknown>, 'query', record);
  patch(pg.Client.prototype as unknown as Record<string, unknown>, 'query', record);
  return { statements, stop: () => restore.reverse().forEach((r) => r()) };
}

/** A statement's values as JSON keeps them (bytes as base64, big integers as text), and back. */
export const encodeValues = (values: unknown[]): unknown[] =>
  values.map((v) => (Buffer.isBuffer(v) ? { $bytes: v.toString('base64') } : typeof v === 'bigint' ? v.toString() : v instanceof Date ? v.toISOString() : v));
export const decodeValues = (values: unknown[]): unknown[] =>
  values.map((v) => (v && typeof v === 'object' && '$bytes' in v ? Buffer.from(String((v as { $bytes: string }).$bytes), 'base64') : v));
