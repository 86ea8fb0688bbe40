import { checkpointSignatureProblem } from './audit-checkpoint.js';
import { claimedIndex, entryProblem, type AuditEntry } from './audit-entry.js';
import type { AuditRepository, StoredCheckpoint, VerifiedCheckpoint } from './audit-repository.js';
import type { CheckpointVerifier } from './audit-signer.js';
import { MerkleFrontier } from './merkle-frontier.js';

export type VerifyReason =
  | 'missing_entry'
  | 'unexpected_entry'
  | 'leaf_hash_mismatch'
  | 'body_mismatch'
  | 'node_missing'
  | 'node_mismatch'
  | 'extra_nodes'
  | 'checkpoint_unknown_key'
  | 'checkpoint_signature_invalid'
  | 'checkpoint_root_mismatch'
  | 'checkpoint_beyond_log'
  | 'verified_checkpoint_changed';

export interface VerifyProblem {
  reason: VerifyReason;
  /** The first entry index that is (or, for a range, may be) bad; null when no entry is implicated. */
  index: number | null;
  /** Entries [from, to) among which the damage lies, when it cannot be pinned to one entry. */
  range?: [number, number];
  checkpointId?: number;
  detail: string;
}

export type VerifyResult =
  /** `from`: where an incremental verification (`--since-checkpoint`) started; absent when it walked everything. */
  | { ok: true; size: number; root: string; checkpoints: number; from?: number }
  | { ok: false; size: number; problem: VerifyProblem };

const DETAIL: Record<VerifyReason, string> = {
  missing_entry: 'an entry is missing (removed)',
  unexpected_entry: 'an entry sits where none was expected (inserted)',
  leaf_hash_mismatch: 'the stored body does not hash to the stored leaf hash (modified)',
  body_mismatch: 'the body does not match its own columns or position (modified, inserted or reordered)',
  node_missing: 'a stored subtree hash is missing',
  node_mismatch: 'a stored subtree hash does not match the entries under it',
  extra_nodes: 'stored subtree hashes cover entries that are not there (entries removed from the end?)',
  checkpoint_unknown_key: 'a checkpoint was signed by a key this verifier does not hold',
  checkpoint_signature_invalid: 'a checkpoint signature does not verify (forged or altered)',
  checkpoint_root_mismatch: 'the tree no longer has the root a signed checkpoint recorded',
  checkpoint_beyond_log: 'a signed checkpoint covers entries that are no longer there (truncated)',
  verified_checkpoint_changed: 'the checkpoint the last verification accepted is gone or has another root (the log was rewritten before it)',
};

class Found extends Error {
  constructor(readonly problem: VerifyProblem) {
    super(problem.reason);
  }
}

export function fail(reason: VerifyReason, index: number | null, extra: Partial<VerifyProblem> = {}): never {
  throw new Found({ reason, index, detail: DETAIL[reason], ...extra });
}

/**
 * A self-consistent body at the wrong position. If it says it belongs at an earlier position X,
 * the rows from X up to here were slipped in before it: X is the first bad entry.
 */
function failMoved(rowIdx: number, claimed: number | null): never {
  if (claimed !== null && claimed >= 0 && claimed < rowIdx) {
    fail('body_mismatch', claimed, { range: [claimed, rowIdx + 1] });
  }
  fail('body_mismatch', rowIdx);
}

/** What one walk over the log reads besides the entries: a stored subtree hash (level ≥ 1). */
export type StoredNode = (level: number, idx: number) => Buffer | undefined;

/** Where an incremental walk starts: a checkpoint an earlier verification accepted, and the tree edge at its size. */
export interface VerifyStart {
  checkpoint: StoredCheckpoint;
  frontier: MerkleFrontier;
}

/**
 * The verification itself, fed by a driver that reads the log (synchronously here, asynchronously
 * on PostgreSQL: audit-reader-pg.ts): every entry in leaf order, then the stored node count. Throws
 * `Found` at the first problem; `result` turns that (or success) into a VerifyResult. With `from`, the
 * walk starts at that checkpoint's size: its signature and root are checked against the edge first.
 */
export function createVerifyWalk(checkpoints: StoredCheckpoint[], verifier: CheckpointVerifier | null, from?: VerifyStart) {
  const frontier = from?.frontier ?? MerkleFrontier.empty();
  const startSize = frontier.size;
  let nextCheckpoint = from ? checkpoints.filter((c) => c.treeSize <= startSize).length : 0;
  let lastGoodSize = 0;

  const checkCheckpointsAt = (size: number): void => {
    for (let c = checkpoints[nextCheckpoint]; c && c.treeSize <= size; c = checkpoints[++nextCheckpoint]) {
      checkCheckpoint(c);
    }
  };
  const checkCheckpoint = (c: StoredCheckpoint): void => {
    const sig = checkpointSignatureProblem(verifier, c);
    if (sig) fail(sig, null, { checkpointId: c.id });
    if (!frontier.root().equals(c.rootHash)) {
      fail('checkpoint_root_mismatch', lastGoodSize, { range: [lastGoodSize, c.treeSize], checkpointId: c.id });
    }
    lastGoodSize = c.treeSize;
  };

  return {
    /** Entries walked so far (the position the next entry must have). */
    get size(): number {
      return frontier.size;
    },
    start(): void {
      if (from) checkCheckpoint(from.checkpoint);
      checkCheckpointsAt(startSize);
    },
    entry(row: AuditEntry, stored: StoredNode): void {
      const expected = frontier.size;
      if (row.idx > expected) fail('missing_entry', expected, { range: [expected, row.idx] });
      if (row.idx < expected) fail('unexpected_entry', row.idx);
      const bad = entryProblem(row);
      if (bad === 'body_mismatch') failMoved(row.idx, claimedIndex(row.body));
      if (bad) fail(bad, row.idx);
      for (const node of frontier.push(row.leafHash)) {
        const span = 2 ** node.level;
        const where = { range: [node.idx * span, (node.idx + 1) * span] as [number, number] };
        const hash = stored(node.level, node.idx);
        if (!hash) fail('node_missing', node.idx * span, where);
        if (!hash.equals(node.hash)) fail('node_mismatch', node.idx * span, where);
      }
      checkCheckpointsAt(frontier.size);
    },
    /** `nodes`: the stored node count (a full walk), or how many stored nodes lie beyond the size (an incremental one). */
    end(nodes: number | { beyond: number }): VerifyResult {
      const size = frontier.size;
      if (typeof nodes === 'number' ? nodes !== size - popCount(size) : nodes.beyond > 0) fail('extra_nodes', size);
      const beyond = checkpoints[nextCheckpoint];
      if (beyond) fail('checkpoint_beyond_log', size, { range: [size, beyond.treeSize], checkpointId: beyond.id });
      return { ok: true, size, root: frontier.root().toString('hex'), checkpoints: checkpoints.length, ...(startSize > 0 ? { from: startSize } : {}) };
    },
  };
}

/** The problem a walk found, as a result; anything else is rethrown. */
export function problemResult(e: unknown, size: number): VerifyResult {
  if (e instanceof Found) return { ok: false, size, problem: e.problem };
  throw e;
}

/**
 * Re-derives everything from the entry bodies: each leaf hash, every stored subtree node, and the
 * root at each checkpoint (whose signature is also checked). Walks the log once in leaf order,
 * a page at a time, and stops at the first problem, which names the earliest entry implicated.
 */
export function verifyAuditLog(
  repo: Pick<AuditRepository, 'checkpoints' | 'entriesFrom' | 'subtree' | 'nodeCount' | 'size' | 'nodesBeyond' | 'lastVerified' | 'recordVerified'>,
  verifier: CheckpointVerifier | null,
  opts: VerifyOptions = {},
): VerifyResult {
  const pageSize = opts.pageSize ?? 4096;
  const stored: StoredNode = (level, idx) => repo.subtree(level, idx);
  const checkpoints = repo.checkpoints();
  try {
    const from = opts.sinceCheckpoint ? startAt(checkpoints, repo.lastVerified(), stored) : undefined;
    const walk = createVerifyWalk(checkpoints, verifier, from);
    const total = repo.size();
    walk.start();
    let cursor = walk.size;
    for (let page = repo.entriesFrom(cursor, pageSize); page.length > 0; page = repo.entriesFrom(cursor, pageSize)) {
      for (const row of page) {
        walk.entry(row, stored);
        cursor = row.idx + 1;
      }
      opts.onProgress?.(walk.size, total);
    }
    const result = walk.end(from ? { beyond: repo.nodesBeyond(walk.size) } : repo.nodeCount());
    const accepted = opts.recordAt === undefined ? undefined : lastCovered(checkpoints, result.size);
    if (accepted) repo.recordVerified({ checkpointId: accepted.id, treeSize: accepted.treeSize, rootHash: accepted.rootHash, verifiedAt: opts.recordAt! });
    return result;
  } catch (e) {
    return problemResult(e, repo.size());
  }
}

export interface VerifyOptions {
  pageSize?: number;
  /** Start at the checkpoint the last verification accepted (see startAt) rather than at entry 0. */
  sinceCheckpoint?: boolean;
  /** Called after each page: entries walked so far (from 0) of the log's size when the walk began. */
  onProgress?: (done: number, total: number) => void;
  /** Record the newest checkpoint this walk accepted, at this time, for the next `sinceCheckpoint`. */
  recordAt?: number;
}

/**
 * Where `--since-checkpoint` starts: the checkpoint the last verification accepted, if it is still
 * there with the root it had then, and the tree edge at its size read from the stored subtree hashes
 * (one per set bit of the size). The walk then checks that checkpoint's signature and that the edge
 * folds to its signed root, so the edge it continues from is the one the key holder signed: entries
 * and nodes after it are re-derived; rewriting anything before it without the signing key shows as a
 * root mismatch or a changed checkpoint. What it does not re-read is the bodies of entries before it
 * (a full verify does). No verification yet: undefined, and the walk starts at 0.
 */
export function startAt(checkpoints: StoredCheckpoint[], last: VerifiedCheckpoint | undefined, stored: StoredNode): VerifyStart | undefined {
  if (!last) return undefined;
  const checkpoint = checkpoints.find((c) => c.id === last.checkpointId);
  if (!checkpoint || checkpoint.treeSize !== last.treeSize || !checkpoint.rootHash.equals(last.rootHash)) {
    fail('verified_checkpoint_changed', null, { checkpointId: last.checkpointId, range: [0, last.treeSize] });
  }
  const frontier = MerkleFrontier.load((level, idx) => {
    const hash = stored(level, idx);
    if (!hash) fail('node_missing', idx * 2 ** level, { range: [idx * 2 ** level, (idx + 1) * 2 ** level] });
    return hash;
  }, checkpoint.treeSize);
  return { checkpoint, frontier };
}

/** The newest checkpoint a walk that reached `size` has checked (none beyond the size). */
export function lastCovered(checkpoints: StoredCheckpoint[], size: number): StoredCheckpoint | undefined {
  return checkpoints.filter((c) => c.treeSize <= size).at(-1);
}

function popCount(n: number): number {
  let count = 0;
  for (; n > 0; n = Math.floor(n / 2)) count += n % 2;
  return count;
}
