import type Database from 'better-sqlite3';
import type { SqliteStore } from '../../db/store.js';
import type { Clock } from '../../shared/clock.js';
import { detached } from '../../shared/transactions.js';
import { DomainError } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { signCheckpoint } from './audit-checkpoint.js';
import { buildEntry, renumberEntry, type AuditEntry } from './audit-entry.js';
import { storedSubtreeReader } from './audit-proofs.js';
import { createAuditReader, type AuditProofs, type AuditReader, type AuditReadRepository } from './audit-reader.js';
import { createAuditRepository, type AuditRepository, type NewCheckpoint, type StoredCheckpoint } from './audit-repository.js';
import type { AuditInput, AuditSink } from '../../shared/audit-sink.js';
import type { AuditSigner } from './audit-signer.js';
import type { VerifyResult } from './audit-verify.js';
import { MerkleFrontier, type MerkleNode } from './merkle-frontier.js';

export interface AuditLogDeps {
  sqlite: Database.Database;
  /** Every write and read takes its turn here, so none lands inside someone else's open transaction. */
  store: SqliteStore;
  clock: Clock;
  signer: AuditSigner;
  logger: Logger;
  /** The declared data region (DATA_REGION), signed into every checkpoint. */
  region: string;
}

export interface AuditLogOptions {
  /** How long an entry may wait in memory for companions before its batch is written. */
  flushDelayMs?: number;
  /** A batch this large is written at once instead of waiting for the timer. */
  maxBatch?: number;
  /** fsync each batch (synchronous=FULL for the audit commit). Only benchmarks turn this off. */
  durable?: boolean;
}

const RETRY_DELAY_MS = 250;

/**
 * The append-only, Merkle-backed audit log. `append` hashes the entry and extends the tree in
 * memory at once (so it can return the leaf index synchronously), then group-commits: entries
 * and their new subtree nodes wait a few milliseconds and are written in one transaction, one
 * fsync per batch. A failed write keeps the batch queued and is retried; nothing is dropped.
 * `append` stays synchronous; the background flush, `flush`, `checkpoint` and every read take their
 * turn at the store (src/db/store.ts), so they never land inside another caller's open transaction.
 */
export class AuditLog implements AuditSink {
  /** The queries (list, findByTrace, byTargets, checkpoints…), as Promises. */
  readonly repo: AuditReadRepository;
  readonly proofs: AuditProofs;
  /** The synchronous SQL, used only inside a store step. */
  private readonly sql: AuditRepository;
  private readonly reader: AuditReader;
  private frontier: MerkleFrontier;
  /** Entries this log knows to be on disk; if the disk has more, another writer appended. */
  private diskSize: number;
  private readonly flushDelayMs: number;
  private readonly maxBatch: number;
  private readonly durable: boolean;
  private entries: AuditEntry[] = [];
  private nodes: MerkleNode[] = [];
  private timer: NodeJS.Timeout | undefined;
  private checkpointTimer: NodeJS.Timeout | undefined;
  private lastCheckpointSize: number;
  private closed = false;

  constructor(
    private readonly deps: AuditLogDeps,
    opts: AuditLogOptions = {},
  ) {
    this.flushDelayMs = opts.flushDelayMs ?? 3;
    this.maxBatch = opts.maxBatch ?? 1000;
    this.durable = opts.durable ?? true;
    this.sql = createAuditRepository(deps.sqlite);
    this.reader = createAuditReader(this.sql, deps.store);
    this.repo = this.reader.repo;
    this.proofs = this.reader.proofs;
    // Resume: the right edge of the stored tree is enough to keep appending (O(log n) reads).
    this.diskSize = this.sql.size();
    this.frontier = MerkleFrontier.load(storedSubtreeReader(this.sql), this.diskSize);
    this.lastCheckpointSize = this.sql.latestCheckpoint()?.treeSize ?? 0;
  }

  /** Entries appended so far, queued ones included. */
  get size(): number {
    return this.frontier.size;
  }

  /** Entries not yet on disk. */
  get queued(): number {
    return this.entries.length;
  }

  append(input: AuditInput, opts?: { now?: boolean }): number {
    if (this.closed) throw new DomainError('internal', 'audit log is closed');
    const entry = buildEntry(this.frontier.size, input.at ?? this.deps.clock.now(), input);
    this.nodes.push(...this.frontier.push(entry.leafHash));
    this.entries.push(entry);
    // Written now, joining the caller's transaction if there is one (a savepoint); if that transaction
    // rolls back, the next write finds the disk shorter than expected and rebases, dropping the entry
    // together with the effect it recorded. A failed write throws, so the caller's effect rolls back too.
    if (opts?.now) {
      const idx = this.frontier.size - 1;
      this.writeNow();
      return idx;
    }
    // Inside any open transaction (the caller's or another's) the fsync pragma cannot be set; let the timer write it after.
    if (this.entries.length >= this.maxBatch && !this.deps.sqlite.inTransaction) {
      void this.deps.store.run(() => this.tryWrite());
    } else this.schedule(this.flushDelayMs);
    return entry.idx;
  }

  /**
   * Writes the queue at once when the store lets this caller (inside its own transaction, or none is
   * open), throwing if that fails; outside another caller's open transaction it waits for that one
   * to end and writes then (a failure there is retried like a background flush).
   */
  private writeNow(): void {
    let atOnce = true;
    let failure: { err: unknown } | undefined;
    void this.deps.store.run(() => {
      if (!atOnce) return this.tryWrite();
      try {
        this.writeQueued();
      } catch (err) {
        failure = { err };
      }
    });
    atOnce = false;
    if (failure) throw failure.err;
  }

  /** Resolves when everything appended before the call is on disk; rejects if the write fails. */
  async flush(): Promise<void> {
    await Promise.resolve(); // leave any synchronous transaction the caller may be inside
    try {
      await this.deps.store.run(() => this.writeQueued());
    } catch (err) {
      this.schedule(RETRY_DELAY_MS);
      throw new DomainError('internal', 'audit write failed', { cause: err });
    }
  }

  /** Writes the queued entries and a signed head for the whole tree, in one transaction. */
  checkpoint(): Promise<StoredCheckpoint> {
    return this.deps.store.run(() => {
      const at = this.deps.clock.now();
      const { id, checkpoint } = this.writeQueued(() =>
        signCheckpoint(this.deps.signer, { treeSize: this.frontier.size, rootHash: this.frontier.root(), at, region: this.deps.region }),
      );
      this.lastCheckpointSize = checkpoint!.treeSize;
      return { id: id!, ...checkpoint! };
    });
  }

  /** Signs a head every `intervalMs` when the log has grown; returns a stop function. */
  startCheckpointTimer(intervalMs: number): () => void {
    clearInterval(this.checkpointTimer);
    this.checkpointTimer = detached(() =>
      setInterval(() => {
        if (this.frontier.size === this.lastCheckpointSize) return;
        this.checkpoint().catch((err: unknown) => this.deps.logger.error({ err: errorName(err) }, 'audit checkpoint failed'));
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
    if (this.frontier.size !== this.lastCheckpointSize) await this.checkpoint();
    this.closed = true;
    clearTimeout(this.timer);
  }

  /** Full re-verification of what is on disk (after writing what is queued). */
  async verify(): Promise<VerifyResult> {
    await this.flush();
    return this.reader.verify(this.deps.signer);
  }

  private schedule(delayMs: number): void {
    if (this.timer) return;
    // Detached: a timer set inside a caller's transaction body must not write inside that body.
    this.timer = detached(() =>
      setTimeout(() => {
        this.timer = undefined;
        void this.deps.store.run(() => this.tryWrite());
      }, delayMs),
    );
    // A retry after a failed write must not keep a stopping process alive; close() reports it.
    if (delayMs === RETRY_DELAY_MS) this.timer.unref();
  }

  private tryWrite(): void {
    try {
      this.writeQueued();
    } catch (err) {
      // Entry content stays out of the log line; the batch stays queued for the retry.
      this.deps.logger.error({ err: errorName(err), queued: this.entries.length }, 'audit write failed; will retry');
      this.schedule(RETRY_DELAY_MS);
    }
  }

  /**
   * One transaction: adopt anything another writer appended meanwhile, then insert the queued
   * entries, their nodes and (when asked) a head signed over the tree as it will be on disk.
   */
  private writeQueued(sign?: () => NewCheckpoint): { id?: number; checkpoint?: NewCheckpoint } {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.entries.length === 0 && !sign) return {};
    return this.sql.writeTransaction(this.durable, () => {
      const onDisk = this.sql.size();
      if (onDisk !== this.diskSize) this.rebase(onDisk);
      const checkpoint = sign?.();
      const id = this.sql.insertBatch(this.entries, this.nodes, checkpoint);
      this.diskSize = this.frontier.size;
      this.entries = [];
      this.nodes = [];
      return { id, checkpoint };
    });
  }

  /**
   * Another process (an admin CLI, say) appended to the same file: reload the tree edge from disk
   * and renumber the queued entries after its entries. Indexes already returned for them move.
   */
  private rebase(onDisk: number): void {
    this.deps.logger.warn({ expected: this.diskSize, onDisk }, 'audit log grew under another writer; renumbering queued entries');
    const queued = this.entries;
    this.frontier = MerkleFrontier.load(storedSubtreeReader(this.sql), onDisk);
    this.entries = [];
    this.nodes = [];
    for (const e of queued) {
      const moved = renumberEntry(e, this.frontier.size);
      this.nodes.push(...this.frontier.push(moved.leafHash));
      this.entries.push(moved);
    }
    this.diskSize = onDisk;
  }
}

function errorName(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${(err as { code?: string }).code ?? ''}` : 'unknown';
}
