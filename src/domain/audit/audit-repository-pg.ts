import { auditTotal, tally } from '../reports/daily-totals.js';
import { addTotalsPg } from '../reports/daily-totals-repository-pg.js';
import { and, asc, count, desc, eq, gt, gte, inArray, like, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { auditCheckpoints, auditEntries, auditNodes, auditVerifiedCheckpoints } from '../../db/pg/audit-tables.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import type { AuditEntry } from './audit-entry.js';
import type { AuditFilter, AuditPage, NewCheckpoint, StoredCheckpoint, VerifiedCheckpoint } from './audit-repository.js';
import type { AuditReadRepository } from './audit-reader.js';
import type { MerkleNode } from './merkle-frontier.js';

/** The advisory lock (one bigint key, "ConsultBridge audit") every instance's audit writer takes per transaction. */
export const AUDIT_LOCK_KEY = 0x436f6e734175646n;

/** Rows per INSERT: 10 parameters an entry stays far below PostgreSQL's 65 535 bind parameters. */
const CHUNK = 1000;

/** A stored subtree hash by (level, idx): level 0 is a leaf (audit_entries), ≥ 1 a node (audit_nodes). */
export type SubtreeKey = readonly [level: number, idx: number];
export const subtreeKey = (level: number, idx: number): string => `${level}:${idx}`;

/**
 * All audit SQL on PostgreSQL (the twin of audit-repository.ts): the readers' queries as Promises,
 * plus what the cluster writer (audit-log-pg.ts) needs inside its transaction: the lock, the head,
 * batched inserts and the subtree hashes it reloads the tree edge from. Rows are only ever inserted.
 */
export function createPgAuditRepository(store: PgStore) {
  const db = () => store.db();
  const entriesWhere = async (where: SQL | undefined, order: 'asc' | 'desc', limit?: number): Promise<AuditEntry[]> => {
    const q = db().select().from(auditEntries).where(where).orderBy(order === 'asc' ? asc(auditEntries.idx) : desc(auditEntries.idx));
    return limit === undefined ? q : q.limit(limit);
  };

  async function insertBatch(entries: readonly AuditEntry[], nodes: readonly MerkleNode[], checkpoint?: NewCheckpoint): Promise<number | undefined> {
    for (let i = 0; i < entries.length; i += CHUNK) await db().insert(auditEntries).values(entries.slice(i, i + CHUNK));
    for (let i = 0; i < nodes.length; i += CHUNK) await db().insert(auditNodes).values(nodes.slice(i, i + CHUNK));
    // The dashboard's running totals move in the same transaction as the entries they count.
    await addTotalsPg(store, tally(entries.map(auditTotal)));
    if (!checkpoint) return undefined;
    const [row] = await db().insert(auditCheckpoints).values(checkpoint).returning({ id: auditCheckpoints.id });
    return row!.id;
  }

  /** Stored hashes of the given subtrees, in one query; a missing one is absent from the map. */
  async function subtrees(keys: readonly SubtreeKey[]): Promise<Map<string, Buffer>> {
    const out = new Map<string, Buffer>();
    const leaves = [...new Set(keys.filter(([l]) => l === 0).map(([, i]) => i))];
    const nodes = keys.filter(([l]) => l > 0);
    if (leaves.length) {
      const rows = await db().select({ idx: auditEntries.idx, hash: auditEntries.leafHash }).from(auditEntries).where(inArray(auditEntries.idx, leaves));
      for (const r of rows) out.set(subtreeKey(0, r.idx), r.hash);
    }
    if (nodes.length) {
      const match = or(...nodes.map(([l, i]) => and(eq(auditNodes.level, l), eq(auditNodes.idx, i))));
      for (const r of await db().select().from(auditNodes).where(match)) out.set(subtreeKey(r.level, r.idx), r.hash);
    }
    return out;
  }

  const reads = {
    async writeBatch(entries: readonly AuditEntry[], nodes: readonly MerkleNode[], _opts: { durable: boolean }): Promise<number | undefined> {
      return store.transaction(async () => {
        await lock();
        return insertBatch(entries, nodes);
      });
    },
    async size(): Promise<number> {
      return (await head())?.size ?? 0;
    },
    async nodeCount(): Promise<number> {
      const [r] = await db().select({ n: count() }).from(auditNodes);
      return r?.n ?? 0;
    },
    async subtree(level: number, idx: number): Promise<Buffer | undefined> {
      return (await subtrees([[level, idx]])).get(subtreeKey(level, idx));
    },
    async entry(idx: number): Promise<AuditEntry | undefined> {
      return (await entriesWhere(eq(auditEntries.idx, idx), 'asc', 1))[0];
    },
    entriesFrom: (idx: number, limit: number): Promise<AuditEntry[]> => entriesWhere(gte(auditEntries.idx, idx), 'asc', limit),
    findByTrace: (trace: string): Promise<AuditEntry[]> => entriesWhere(eq(auditEntries.trace, trace), 'asc'),
    async checkpoints(): Promise<StoredCheckpoint[]> {
      return db().select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.treeSize), asc(auditCheckpoints.id));
    },
    async latestCheckpoint(): Promise<StoredCheckpoint | undefined> {
      const [c] = await db().select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.id)).limit(1);
      return c;
    },
    async nodesBeyond(size: number): Promise<number> {
      const beyond = Array.from({ length: 52 }, (_, i) => and(eq(auditNodes.level, i + 1), gte(auditNodes.idx, Math.floor(size / 2 ** (i + 1)))));
      const [r] = await db().select({ n: count() }).from(auditNodes).where(or(...beyond));
      return r?.n ?? 0;
    },
    async lastVerified(): Promise<VerifiedCheckpoint | undefined> {
      const [v] = await db().select().from(auditVerifiedCheckpoints).orderBy(desc(auditVerifiedCheckpoints.checkpointId)).limit(1);
      return v;
    },
    async recordVerified(v: VerifiedCheckpoint): Promise<void> {
      await db().insert(auditVerifiedCheckpoints).values(v).onConflictDoUpdate({ target: auditVerifiedCheckpoints.checkpointId, set: { verifiedAt: v.verifiedAt } });
    },
    async byTargets(targets: readonly string[], limit = 10_000, afterIdx = -1): Promise<AuditEntry[]> {
      if (targets.length === 0) return [];
      return entriesWhere(and(inArray(auditEntries.target, [...targets]), gt(auditEntries.idx, afterIdx)), 'asc', limit);
    },
    async dailyCounts(q: { actionLike: string; outcome?: AuditOutcomeOf; from: number; to: number; dayOffsetMs: number; byReason: boolean }) {
      // bigint division truncates as SQLite's CAST(… AS INTEGER) does (times are positive).
      const day = sql<number>`(${auditEntries.at} + ${q.dayOffsetMs}::bigint) / 86400000`;
      const reason = q.byReason ? sql<string | null>`${auditEntries.reason}` : sql<string | null>`NULL::text`;
      const where = and(like(auditEntries.action, q.actionLike), gte(auditEntries.at, q.from), lt(auditEntries.at, q.to), q.outcome ? eq(auditEntries.outcome, q.outcome) : undefined);
      const rows = await db()
        .select({ day: day.as('day'), reason: reason.as('reason'), n: count() })
        .from(auditEntries)
        .where(where)
        .groupBy(sql`1, 2`)
        .orderBy(sql`1`);
      return rows.map((r) => ({ day: Number(r.day), reason: r.reason, n: r.n }));
    },
    async list(filter: AuditFilter, page: AuditPage = {}): Promise<{ entries: AuditEntry[]; nextBefore: number | null }> {
      const limit = Math.min(Math.max(Math.trunc(page.limit ?? 50), 1), 500);
      const where = and(
        filter.actor !== undefined ? eq(auditEntries.actor, filter.actor) : undefined,
        filter.action !== undefined ? eq(auditEntries.action, filter.action) : undefined,
        filter.outcome !== undefined ? eq(auditEntries.outcome, filter.outcome) : undefined,
        filter.target !== undefined ? eq(auditEntries.target, filter.target) : undefined,
        // As on SQLite: the first entries at or after `from` and `to` (audit_entries_at_idx) bound the walk down
        // the primary key; `at + 0` keeps the outer query off audit_entries_at_idx (with both ends it read the
        // whole window through it and sorted it: 180 ms for a week at 5.2M entries).
        filter.from !== undefined ? and(sql`${auditEntries.at} + 0 >= ${filter.from}`, sql`${auditEntries.idx} >= (select ${auditEntries.idx} from ${auditEntries} where ${auditEntries.at} >= ${filter.from} order by ${auditEntries.at}, ${auditEntries.idx} limit 1)`) : undefined,
        filter.to !== undefined ? and(sql`${auditEntries.at} + 0 < ${filter.to}`, sql`${auditEntries.idx} < coalesce((select ${auditEntries.idx} from ${auditEntries} where ${auditEntries.at} >= ${filter.to} order by ${auditEntries.at}, ${auditEntries.idx} limit 1), ${Number.MAX_SAFE_INTEGER})`) : undefined,
        page.before !== undefined ? lt(auditEntries.idx, page.before) : undefined,
      );
      const entries = await entriesWhere(where, 'desc', limit);
      return { entries, nextBefore: entries.length === limit ? entries.at(-1)!.idx : null };
    },
  } satisfies AuditReadRepository;

  /** Serialises audit writers across every instance until this transaction ends (call inside one). */
  async function lock(): Promise<void> {
    await db().execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY.toString()}::bigint)`);
  }

  /** The stored tree's size and its last leaf (which tells a cached tree edge from a moved one). */
  async function head(): Promise<{ size: number; lastLeaf: Buffer } | undefined> {
    const [r] = await db().select({ idx: auditEntries.idx, hash: auditEntries.leafHash }).from(auditEntries).orderBy(desc(auditEntries.idx)).limit(1);
    return r && { size: r.idx + 1, lastLeaf: r.hash };
  }

  /** Stored nodes with idx in [lo, hi] at each given level, in one query (a verification page's nodes). */
  async function nodesIn(ranges: readonly { level: number; lo: number; hi: number }[]): Promise<Map<string, Buffer>> {
    const out = new Map<string, Buffer>();
    if (ranges.length === 0) return out;
    const match = or(...ranges.map((r) => and(eq(auditNodes.level, r.level), gte(auditNodes.idx, r.lo), lte(auditNodes.idx, r.hi))));
    for (const r of await db().select().from(auditNodes).where(match)) out.set(subtreeKey(r.level, r.idx), r.hash);
    return out;
  }

  return { reads, lock, head, insertBatch, subtrees, nodesIn };
}

type AuditOutcomeOf = AuditEntry['outcome'];
export type PgAuditRepository = ReturnType<typeof createPgAuditRepository>;
