import { sql } from 'drizzle-orm';
import type { PgStore } from '../../db/pg/pg-store.js';
import { detached } from '../../shared/transactions.js';
import { createAuditProofs } from './audit-proofs.js';
import type { AuditReader } from './audit-reader.js';
import type { AuditRepository, StoredCheckpoint } from './audit-repository.js';
import { subtreeKey, type PgAuditRepository, type SubtreeKey } from './audit-repository-pg.js';
import type { CheckpointVerifier } from './audit-signer.js';
import { createVerifyWalk, lastCovered, problemResult, startAt, type VerifyOptions, type VerifyResult } from './audit-verify.js';

/** What the proof walks read: the stored size and subtree hashes. */
type StoredTree = Pick<AuditRepository, 'size' | 'subtree'>;

const PLACEHOLDER = Buffer.alloc(32);

/**
 * Runs a synchronous walk over the stored tree (proofs, the tree edge) on PostgreSQL in two passes:
 * the first only notes which subtrees it reads (which ones depends on sizes and indexes, never on
 * hashes), one query fetches them, the second runs on the fetched hashes. O(log n) rows, one round trip.
 */
export async function withStoredTree<T>(repo: PgAuditRepository, run: (tree: StoredTree) => T, size?: number): Promise<T> {
  const n = size ?? (await repo.reads.size());
  const wanted: SubtreeKey[] = [];
  run({
    size: () => n,
    subtree: (level, idx) => {
      wanted.push([level, idx]);
      return PLACEHOLDER;
    },
  });
  const found = await repo.subtrees(wanted);
  return run({ size: () => n, subtree: (level, idx) => found.get(subtreeKey(level, idx)) });
}

/** startAt (audit-verify.ts) on PostgreSQL: the edge's subtree hashes (one per set bit of the size) in one query. */
async function startFrom(repo: PgAuditRepository, checkpoints: StoredCheckpoint[]) {
  const last = await repo.reads.lastVerified();
  const keys: SubtreeKey[] = [];
  for (let level = 52, pos = 0; level >= 0 && last; level--) {
    const span = 2 ** level;
    if (last.treeSize - pos >= span) {
      keys.push([level, pos / span]);
      pos += span;
    }
  }
  const found = await repo.subtrees(keys);
  return startAt(checkpoints, last, (level, idx) => found.get(subtreeKey(level, idx)));
}

/** The nodes that leaves at positions [a, b) complete: at level L, idx from ⌈(a+1)/2^L⌉−1 to ⌊b/2^L⌋−1. */
function nodesCompleting(a: number, b: number): { level: number; lo: number; hi: number }[] {
  const out: { level: number; lo: number; hi: number }[] = [];
  for (let level = 1; 2 ** level <= b; level++) {
    const span = 2 ** level;
    const lo = Math.ceil((a + 1) / span) - 1;
    const hi = Math.floor(b / span) - 1;
    if (hi >= lo) out.push({ level, lo, hi });
  }
  return out;
}

/**
 * The audit log as readers see it on PostgreSQL, the same shape as createAuditReader: the queries,
 * the proofs and full verification. Verification is the same walk as on SQLite (audit-verify.ts) over
 * one REPEATABLE READ snapshot, so instances appending meanwhile do not disturb it; each page of
 * entries comes with the nodes it completes in one more query.
 */
export function createPgAuditReader(store: PgStore, repo: PgAuditRepository): AuditReader {
  const { reads } = repo;
  const proofsOn = <T>(run: (p: ReturnType<typeof createAuditProofs>) => T) => withStoredTree(repo, (tree) => run(createAuditProofs(tree)));
  return {
    repo: reads,
    proofs: {
      root: (treeSize?: number) => proofsOn((p) => p.root(treeSize)),
      inclusion: (index: number, size?: number) => proofsOn((p) => p.inclusion(index, size)),
      consistency: (size1: number, size2?: number) => proofsOn((p) => p.consistency(size1, size2)),
    },
    verify: async (verifier: CheckpointVerifier | null, opts: VerifyOptions = {}): Promise<VerifyResult> => {
      // A transaction of its own (never a caller's): the snapshot level must be its first statement.
      const { result, checkpoints } = await detached(() => store.transaction(async () => {
        await store.db().execute(sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`);
        const pageSize = opts.pageSize ?? 4096;
        const checkpoints = await reads.checkpoints();
        try {
          const from = opts.sinceCheckpoint ? await startFrom(repo, checkpoints) : undefined;
          const walk = createVerifyWalk(checkpoints, verifier, from);
          const total = await reads.size();
          walk.start();
          let cursor = walk.size;
          for (let page = await reads.entriesFrom(cursor, pageSize); page.length > 0; page = await reads.entriesFrom(cursor, pageSize)) {
            const nodes = await repo.nodesIn(nodesCompleting(walk.size, walk.size + page.length));
            for (const row of page) {
              walk.entry(row, (level, idx) => nodes.get(subtreeKey(level, idx)));
              cursor = row.idx + 1;
            }
            opts.onProgress?.(walk.size, total);
          }
          return { result: walk.end(from ? { beyond: await reads.nodesBeyond(walk.size) } : await reads.nodeCount()), checkpoints };
        } catch (e) {
          return { result: problemResult(e, await reads.size()), checkpoints };
        }
      }));
      const accepted = result.ok && opts.recordAt !== undefined ? lastCovered(checkpoints, result.size) : undefined;
      if (accepted) await reads.recordVerified({ checkpointId: accepted.id, treeSize: accepted.treeSize, rootHash: accepted.rootHash, verifiedAt: opts.recordAt! });
      return result;
    },
  };
}
