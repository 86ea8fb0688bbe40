import type { PgStore } from '../../db/pg/pg-store.js';
import type { AuditInput, AuditSink } from '../../shared/audit-sink.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { detached, txContext } from '../../shared/transactions.js';
import { signCheckpoint } from './audit-checkpoint.js';
import { buildEntry, validateAuditInput, type AuditEntry } from './audit-entry.js';
import { storedSubtreeReader } from './audit-proofs.js';
import { createPgAuditReader, withStoredTree } from './audit-reader-pg.js';
import type { AuditProofs, AuditReader, AuditReadRepository } from './audit-reader.js';
import { createPgAuditRepository, type PgAuditRepository } from './audit-repository-pg.js';
import type { StoredCheckpoint } from './audit-repository.js';
import type { AuditSigner } from './audit-signer.js';
import type { VerifyResult } from './audit-verify.js';
import { MerkleFrontier, type MerkleNode } from './merkle-frontier.js';

export interface PgAuditLogDeps {
  store: PgStore;
  clock: Clock;
  signer: AuditSigner;
  logger: Logger;
  /** The declared data region (DATA_REGION), signed into every checkpoint. */
  region: string;
}

export interface PgAuditLogOptions {
  /** How long an entry may wait in memory for companions before its batch is written. */
  flushDelayMs?: number;
  /** A batch this large is written at once instead of waiting for the timer. */
  maxBatch?: number;
}

/** An appended entry before it has a position: positions are handed out under the cluster lock. */
interface Queued {
  input: AuditInput;
  at: number;
}

/** 'none': entries only; 'always': and a signed head; { slotMs }: a head unless one was signed in this slot. */
type Sign = 'none' | 'always' | { slotMs: number };

const RETRY_DELAY_MS = 250;

/**
 * The audit log of a cluster on PostgreSQL: every instance appends to ONE Merkle tree. A write takes
 * the transaction-scoped advisory lock (AUDIT_LOCK_KEY), reads the stored head, and only then numbers
 * its entries, so writers on several instances line up; the tree edge kept from this instance's last
 * write is reused when the head still ends in its last leaf, else reloaded (O(log n) rows). Group
 * commit as on SQLite: appends wait a few ms and go in one transaction. `append(…, { now: true })`
 * inside a caller's transaction is written by that transaction just before its COMMIT, so the effect
 * and its entry commit together (outside one it is written at once, in the background). The index `append` returns is provisional (another instance may
 * take it first); the stored position is the one on disk. Signed heads: `startCheckpointTimer` signs
 * at most one per interval across the cluster (checked under the same lock).
 */
export class PgAuditLog implements AuditSink {
  readonly repo: AuditReadRepository;
  readonly proofs: AuditProofs;
  private readonly sql: PgAuditRepository;
  private readonly reader: AuditReader;
  private readonly flushDelayMs: number;
  private readonly maxBatch: number;
  /** The stored tree's right edge and last leaf as of this instance's last write (unset while one runs). */
  private edge: { frontier: MerkleFrontier; lastLeaf: Buffer | null } | undefined;
  /** Stored entries as last seen: the base of provisional indexes. */
  private known = 0;
  private queue: Queued[] = [];
  /** Background writes in order, one at a time (callers' pre-commit writes do not wait here). */
  private chain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private checkpointTimer: NodeJS.Timeout | undefined;
  private lastCheckpointSize = 0;
  private closed = false;

  constructor(
    private readonly deps: PgAuditLogDeps,
    opts: PgAuditLogOptions = {},
  ) {
    this.flushDelayMs = opts.flushDelayMs ?? 3;
    this.maxBatch = opts.maxBatch ?? 1000;
    this.sql = createPgAuditRepository(deps.store);
    this.reader = createPgAuditReader(deps.store, this.sql);
    this.repo = this.reader.repo;
    this.proofs = this.reader.proofs;
  }

  /** Reads where the stored tree stands (for provisional indexes and the "grew since the last head" check). */
  async open(): Promise<this> {
    this.known = await this.sql.reads.size();
    this.lastCheckpointSize = (await this.sql.reads.latestCheckpoint())?.treeSize ?? 0;
    return this;
  }

  /** Entries appended so far as this instance knows them, queued ones included. */
  get size(): number {
    return this.known + this.queue.length;
  }

  /** Entries not yet on disk. */
  get queued(): number {
    return this.queue.length;
  }

  append(input: AuditInput, opts?: { now?: boolean }): number {
    if (this.closed) throw new DomainError('internal', 'audit log is closed');
    validateAuditInput(input);
    const item: Queued = { input, at: input.at ?? this.deps.clock.now() };
    const provisional = this.size;
    const tx = txContext.getStore();
    if (opts?.now && tx?.open) {
      // Written by the caller's transaction just before COMMIT: a failure rolls the effect back too.
      (tx.beforeCommit ??= []).push(() => this.writeLocked([item], 'none').then(() => undefined));
      return provisional;
    }
    this.queue.push(item);
    if (opts?.now || this.queue.length >= this.maxBatch) void this.flush().catch(() => undefined);
    else this.schedule(this.flushDelayMs);
    return provisional;
  }

  /** Resolves when everything appended before the call is on disk; rejects if the write fails. */
  async flush(): Promise<void> {
    try {
      await this.serial('none');
    } catch (err) {
      this.schedule(RETRY_DELAY_MS);
      throw new DomainError('internal', 'audit write failed', { cause: err });
    }
  }

  /** Writes the queued entries and a signed head for the whole tree, in one transaction. */
  async checkpoint(): Promise<StoredCheckpoint> {
    return (await this.serial('always'))!;
  }

  /**
   * Writes what is queued and signs a head, unless the tree has not grown since the latest head or a
   * head (by any instance) is already in this clock interval; decided under the cluster lock, so the
   * instances of a cluster sign one head per interval between them. Undefined when none was signed.
   */
  signInSlot(intervalMs: number): Promise<StoredCheckpoint | undefined> {
    return this.serial({ slotMs: intervalMs });
  }

  /** Runs `signInSlot` every `intervalMs`; returns a stop function. */
  startCheckpointTimer(intervalMs: number): () => void {
    clearInterval(this.checkpointTimer);
    this.checkpointTimer = detached(() =>
      setInterval(() => {
        this.signInSlot(intervalMs).catch((err: unknown) => this.deps.logger.error({ err: errorName(err) }, 'audit checkpoint failed'));
      }, intervalMs),
    );
    this.checkpointTimer.unref();
    return () => clearInterval(this.checkpointTimer);
  }

  /** Flushes, signs a final head if the log grew, and refuses further appends. */
  async close(): Promise<void> {
    if (this.closed) return;
    clearInterval(this.checkpointTimer);
    await this.flush();
    if (this.known !== this.lastCheckpointSize) await this.checkpoint();
    this.closed = true;
    clearTimeout(this.timer);
  }

  /** Full re-verification of what is stored (after writing what is queued). */
  async verify(): Promise<VerifyResult> {
    await this.flush();
    return this.reader.verify(this.deps.signer);
  }

  private schedule(delayMs: number): void {
    if (this.timer) return;
    this.timer = detached(() =>
      setTimeout(() => {
        this.timer = undefined;
        this.serial('none').catch((err: unknown) => {
          this.deps.logger.error({ err: errorName(err), queued: this.queue.length }, 'audit write failed; will retry');
          this.schedule(RETRY_DELAY_MS);
        });
      }, delayMs),
    );
    if (delayMs === RETRY_DELAY_MS) this.timer.unref();
  }

  /** One background write after the previous one, in a transaction of its own (never the caller's). */
  private serial(sign: Sign): Promise<StoredCheckpoint | undefined> {
    const run = this.chain.then(() => this.writeQueued(sign));
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async writeQueued(sign: Sign): Promise<StoredCheckpoint | undefined> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.queue.length === 0 && sign === 'none') return undefined;
    const batch = this.queue.splice(0);
    try {
      return await detached(() => this.deps.store.transaction(() => this.writeLocked(batch, sign)));
    } catch (err) {
      this.queue.unshift(...batch);
      throw err;
    }
  }

  /**
   * Inside a transaction: take the cluster lock, find the stored head, number the entries after it,
   * insert them with the nodes they complete and (when asked) a head signed over the tree as it will be.
   */
  private async writeLocked(items: Queued[], sign: Sign): Promise<StoredCheckpoint | undefined> {
    await this.sql.lock();
    const edge = await this.edgeUnderLock();
    const frontier = edge.frontier;
    this.edge = undefined; // until this write is in: a failure below leaves no stale edge behind
    const entries: AuditEntry[] = [];
    const nodes: MerkleNode[] = [];
    for (const item of items) {
      const entry = buildEntry(frontier.size, item.at, item.input);
      nodes.push(...frontier.push(entry.leafHash));
      entries.push(entry);
    }
    const checkpoint = (await this.wantsHead(sign, frontier.size))
      ? signCheckpoint(this.deps.signer, { treeSize: frontier.size, rootHash: frontier.root(), at: this.deps.clock.now(), region: this.deps.region })
      : undefined;
    const id = await this.sql.insertBatch(entries, nodes, checkpoint);
    this.edge = { frontier, lastLeaf: entries.at(-1)?.leafHash ?? edge.lastLeaf };
    this.known = frontier.size;
    if (!checkpoint) return undefined;
    this.lastCheckpointSize = checkpoint.treeSize;
    return { id: id!, ...checkpoint };
  }

  /** The kept edge when the stored head still ends where this instance left it, else one reloaded from disk. */
  private async edgeUnderLock(): Promise<{ frontier: MerkleFrontier; lastLeaf: Buffer | null }> {
    const head = await this.sql.head();
    const size = head?.size ?? 0;
    const kept = this.edge;
    if (kept && kept.frontier.size === size && (size === 0 || kept.lastLeaf?.equals(head!.lastLeaf))) return kept;
    const frontier = await withStoredTree(this.sql, (tree) => MerkleFrontier.load(storedSubtreeReader(tree), size), size);
    return { frontier, lastLeaf: head?.lastLeaf ?? null };
  }

  /** Whether this write signs a head: always, or once per slot when the tree grew past the last one. */
  private async wantsHead(sign: Sign, size: number): Promise<boolean> {
    if (sign === 'none') return false;
    if (sign === 'always') return true;
    const latest = await this.sql.reads.latestCheckpoint();
    if ((latest?.treeSize ?? 0) === size) return false;
    const slotStart = Math.floor(this.deps.clock.now() / sign.slotMs) * sign.slotMs;
    return !latest || latest.at < slotStart;
  }
}

function errorName(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${(err as { code?: string }).code ?? ''}` : 'unknown';
}
