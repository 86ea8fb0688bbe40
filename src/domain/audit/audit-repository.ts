import { auditTotal, tally } from '../reports/daily-totals.js';
import type Database from 'better-sqlite3';
import type { AuditOutcome } from '../../shared/audit-sink.js';
import type { AuditEntry } from './audit-entry.js';
import type { MerkleNode } from './merkle-frontier.js';

/** All audit SQL lives here. Rows are only ever inserted; nothing here updates or deletes. */

export interface StoredCheckpoint {
  id: number;
  treeSize: number;
  rootHash: Buffer;
  at: number;
  /** The declared data region, signed with the tree head; null on checkpoints written before it was recorded. */
  region: string | null;
  keyId: string;
  signature: Buffer;
}

export type NewCheckpoint = Omit<StoredCheckpoint, 'id'>;

/** A checkpoint a verification accepted, and when (audit_verified_checkpoints). */
export interface VerifiedCheckpoint {
  checkpointId: number;
  treeSize: number;
  rootHash: Buffer;
  verifiedAt: number;
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  outcome?: AuditOutcome;
  target?: string;
  /** Inclusive lower bound, epoch ms. */
  from?: number;
  /** Exclusive upper bound, epoch ms. */
  to?: number;
}

export interface AuditPage {
  /** Page size, 1..500 (default 50). */
  limit?: number;
  /** Newest first: return entries with idx below this (from the previous page's `nextBefore`). */
  before?: number;
}

const ENTRY_COLUMNS = 'idx, at, actor, action, target, outcome, reason, trace, body, leaf_hash AS leafHash';
const CHECKPOINT_COLUMNS = 'id, tree_size AS treeSize, root_hash AS rootHash, at, region, key_id AS keyId, signature';
const FILTER_SQL: Record<keyof AuditFilter, string> = {
  actor: 'actor = @actor',
  action: 'action = @action',
  outcome: 'outcome = @outcome',
  target: 'target = @target',
  // Entries are appended in time order: the first one at or after `from` bounds the walk down the primary
  // key, so a quiet week stops there instead of reading the whole log. It is a seek on audit_entries_at_idx
  // ((at, rowid) order) that stops at one row; MIN(idx) instead read every entry since `from` (260 ms for
  // a week at 650k entries). `to` bounds it from above the same way. The unary `+` keeps SQLite (which has
  // no statistics here) off audit_entries_at_idx for the outer query: with both ends it read the whole
  // window through that index and sorted it by idx before the page's LIMIT.
  from: '+at >= @from AND idx >= (SELECT idx FROM audit_entries WHERE at >= @from ORDER BY at, idx LIMIT 1)',
  to: `+at < @to AND idx < COALESCE((SELECT idx FROM audit_entries WHERE at >= @to ORDER BY at, idx LIMIT 1), ${Number.MAX_SAFE_INTEGER})`,
};

export type AuditRepository = ReturnType<typeof createAuditRepository>;

export function createAuditRepository(sqlite: Database.Database) {
  const s = {
    insertEntry: sqlite.prepare(
      `INSERT INTO audit_entries (idx, at, actor, action, target, outcome, reason, trace, body, leaf_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertNode: sqlite.prepare('INSERT INTO audit_nodes (level, idx, hash) VALUES (?, ?, ?)'),
    insertCheckpoint: sqlite.prepare(
      `INSERT INTO audit_checkpoints (tree_size, root_hash, at, region, key_id, signature)
       VALUES (@treeSize, @rootHash, @at, @region, @keyId, @signature)`,
    ),
    size: sqlite.prepare('SELECT COALESCE(MAX(idx) + 1, 0) AS n FROM audit_entries').pluck(),
    leafHash: sqlite.prepare('SELECT leaf_hash FROM audit_entries WHERE idx = ?').pluck(),
    node: sqlite.prepare('SELECT hash FROM audit_nodes WHERE level = ? AND idx = ?').pluck(),
    nodeCount: sqlite.prepare('SELECT COUNT(*) FROM audit_nodes').pluck(),
    entryAt: sqlite.prepare(`SELECT ${ENTRY_COLUMNS} FROM audit_entries WHERE idx = ?`),
    entriesFrom: sqlite.prepare(`SELECT ${ENTRY_COLUMNS} FROM audit_entries WHERE idx >= ? ORDER BY idx LIMIT ?`),
    byTrace: sqlite.prepare(`SELECT ${ENTRY_COLUMNS} FROM audit_entries WHERE trace = ? ORDER BY idx`),
    checkpoints: sqlite.prepare(`SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoints ORDER BY tree_size, id`),
    latestCheckpoint: sqlite.prepare(`SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoints ORDER BY id DESC LIMIT 1`),
    nodesBeyond: sqlite.prepare('SELECT COUNT(*) FROM audit_nodes WHERE level = ? AND idx >= ?').pluck(),
    lastVerified: sqlite.prepare(
      'SELECT checkpoint_id AS checkpointId, tree_size AS treeSize, root_hash AS rootHash, verified_at AS verifiedAt FROM audit_verified_checkpoints ORDER BY checkpoint_id DESC LIMIT 1',
    ),
    recordVerified: sqlite.prepare(
      'INSERT INTO audit_verified_checkpoints (checkpoint_id, tree_size, root_hash, verified_at) VALUES (@checkpointId, @treeSize, @rootHash, @verifiedAt) ON CONFLICT (checkpoint_id) DO UPDATE SET verified_at = excluded.verified_at',
    ),
  };
  const listStatements = new Map<string, Database.Statement>();

  let addTotal: Database.Statement | undefined;
  const insertBatch = (entries: readonly AuditEntry[], nodes: readonly MerkleNode[], checkpoint?: NewCheckpoint) => {
    // Positional binding: measurably cheaper than named parameters on the hot path.
    for (const e of entries) {
      s.insertEntry.run(e.idx, e.at, e.actor, e.action, e.target, e.outcome, e.reason, e.trace, e.body, e.leafHash);
    }
    // The dashboard's running totals move in the same transaction as the entries they count.
    for (const t of tally(entries.map(auditTotal))) {
      addTotal ??= sqlite.prepare('INSERT INTO daily_totals (day, metric, dimension, n) VALUES (?, ?, ?, ?) ON CONFLICT (day, metric, dimension) DO UPDATE SET n = n + excluded.n');
      addTotal.run(t.day, t.metric, t.dimension, t.n);
    }
    for (const n of nodes) s.insertNode.run(n.level, n.idx, n.hash);
    return checkpoint ? Number(s.insertCheckpoint.run(checkpoint).lastInsertRowid) : undefined;
  };

  /**
   * Runs `write` in one BEGIN IMMEDIATE transaction (so a size read inside it cannot go stale).
   * With `durable`, the commit is fsynced (synchronous=FULL) even though the connection otherwise
   * runs WAL + NORMAL: one fsync per batch is the point of group commit. The pragma cannot change
   * inside a transaction, so a call nested in the caller's transaction simply joins it.
   */
  function writeTransaction<T>(durable: boolean, write: () => T): T {
    const run = () => sqlite.transaction(write).immediate();
    if (!durable || sqlite.inTransaction) return run();
    const previous = sqlite.pragma('synchronous', { simple: true }) as number;
    sqlite.pragma('synchronous = FULL');
    try {
      return run();
    } finally {
      sqlite.pragma(`synchronous = ${previous}`);
    }
  }

  return {
    writeTransaction,
    /** Inserts entries, their completed nodes and optionally a checkpoint; call inside writeTransaction. */
    insertBatch,
    /** Bulk load in one transaction (benchmarks and tools). */
    writeBatch: (entries: readonly AuditEntry[], nodes: readonly MerkleNode[], opts: { durable: boolean }) =>
      writeTransaction(opts.durable, () => insertBatch(entries, nodes)),

    size: (): number => s.size.get() as number,
    nodeCount: (): number => s.nodeCount.get() as number,

    /** Perfect-subtree hash (level 0 = leaf), or undefined when it is not stored. */
    subtree(level: number, idx: number): Buffer | undefined {
      return (level === 0 ? s.leafHash.get(idx) : s.node.get(level, idx)) as Buffer | undefined;
    },

    entry: (idx: number): AuditEntry | undefined => s.entryAt.get(idx) as AuditEntry | undefined,
    /** A page of entries in leaf order, for full verification without holding the log in memory. */
    entriesFrom: (idx: number, limit: number): AuditEntry[] => s.entriesFrom.all(idx, limit) as AuditEntry[],
    findByTrace: (trace: string): AuditEntry[] => s.byTrace.all(trace) as AuditEntry[],

    checkpoints: (): StoredCheckpoint[] => s.checkpoints.all() as StoredCheckpoint[],
    latestCheckpoint: (): StoredCheckpoint | undefined => s.latestCheckpoint.get() as StoredCheckpoint | undefined,
    /** Stored nodes a tree of `size` leaves does not have (one indexed count per level): extra_nodes without counting the table. */
    nodesBeyond: (size: number): number => {
      let n = 0;
      for (let level = 1; level <= 52; level++) n += s.nodesBeyond.get(level, Math.floor(size / 2 ** level)) as number;
      return n;
    },
    lastVerified: (): VerifiedCheckpoint | undefined => s.lastVerified.get() as VerifiedCheckpoint | undefined,
    recordVerified: (v: VerifiedCheckpoint): void => void s.recordVerified.run(v),

    /**
     * Entries about any of these targets (case codes, document ids, request ids…), oldest first, at most
     * `limit`, after leaf `afterIdx` (keyset pages): "every access to this patient's records" for a data access report.
     */
    byTargets(targets: readonly string[], limit = 10_000, afterIdx = -1): AuditEntry[] {
      const marks = (n: number) => Array.from({ length: n }, () => '?').join(',');
      // First the page's leaf numbers, from the target index alone (sorting numbers, not whole entries),
      // then those entries. Chunks keep each statement under SQLite's bound-parameter limit.
      const ids: number[] = [];
      for (let i = 0; i < targets.length; i += 500) {
        const chunk = targets.slice(i, i + 500);
        const sql = `SELECT idx FROM audit_entries WHERE target IN (${marks(chunk.length)}) AND idx > ? ORDER BY idx LIMIT ?`;
        ids.push(...(sqlite.prepare(sql).pluck().all(...chunk, afterIdx, limit) as number[]));
      }
      const page = ids.sort((a, b) => a - b).slice(0, limit);
      const out: AuditEntry[] = [];
      for (let i = 0; i < page.length; i += 500) {
        const chunk = page.slice(i, i + 500);
        out.push(...(sqlite.prepare(`SELECT ${ENTRY_COLUMNS} FROM audit_entries WHERE idx IN (${marks(chunk.length)}) ORDER BY idx`).all(...chunk) as AuditEntry[]));
      }
      return out;
    },

    /**
     * Entry counts per day in [from, to) for actions matching a LIKE pattern (e.g. `escalation.%`),
     * optionally one outcome, optionally split by reason. `day` is the whole number of days since the
     * epoch after shifting by `dayOffsetMs` (8 h for Hong Kong days).
     */
    dailyCounts(q: { actionLike: string; outcome?: AuditOutcome; from: number; to: number; dayOffsetMs: number; byReason: boolean }) {
      const reason = q.byReason ? 'reason' : 'NULL';
      const sql = `SELECT CAST((at + @offset) / 86400000 AS INTEGER) AS day, ${reason} AS reason, COUNT(*) AS n FROM audit_entries
                   WHERE action LIKE @action AND at >= @from AND at < @to ${q.outcome ? 'AND outcome = @outcome' : ''}
                   GROUP BY day, ${reason} ORDER BY day`;
      const params: Record<string, unknown> = { offset: q.dayOffsetMs, action: q.actionLike, from: q.from, to: q.to };
      if (q.outcome) params.outcome = q.outcome;
      return sqlite.prepare(sql).all(params) as { day: number; reason: string | null; n: number }[];
    },

    /** Entries matching every given filter, newest first, keyset-paged by idx. */
    list(filter: AuditFilter, page: AuditPage = {}): { entries: AuditEntry[]; nextBefore: number | null } {
      const limit = Math.min(Math.max(Math.trunc(page.limit ?? 50), 1), 500);
      const keys = (Object.keys(FILTER_SQL) as (keyof AuditFilter)[]).filter((k) => filter[k] !== undefined);
      const where = [...keys.map((k) => FILTER_SQL[k]), ...(page.before !== undefined ? ['idx < @before'] : [])];
      const sql = `SELECT ${ENTRY_COLUMNS} FROM audit_entries ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                   ORDER BY idx DESC LIMIT @limit`;
      let stmt = listStatements.get(sql);
      if (!stmt) listStatements.set(sql, (stmt = sqlite.prepare(sql)));
      const params: Record<string, unknown> = { limit };
      for (const k of keys) params[k] = filter[k];
      if (page.before !== undefined) params.before = page.before;
      const entries = stmt.all(params) as AuditEntry[];
      return { entries, nextBefore: entries.length === limit ? entries.at(-1)!.idx : null };
    },
  };
}
