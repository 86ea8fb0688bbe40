/** The columns every durable queue row has (see queue-store.ts for the table they live in). */
export interface QueueRowBase {
  id: number | string;
  idemKey: string;
  kind: string;
  payload: string;
  status: string;
  /** 1 after the first claim: each claim counts as one attempt. */
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
}

/** Where a pass over the due rows has got to: the last claimed row's values of the claim order. */
export type QueueCursor = (number | string)[];

/**
 * The storage a queue worker needs, as Promises: the SQLite adapter (queue-store.ts, wrapped by each
 * queue's repository through the store) or a twin over another database; only `cursorOf` (no I/O)
 * answers at once.
 */
export interface QueuePort<R extends QueueRowBase> {
  claimDue(q: { now: number; after: QueueCursor | null; limit: number; leaseUntil: number; owner?: string }): Promise<R[]>;
  cursorOf(row: R): QueueCursor;
  markDone(id: R['id'], values: Record<string, unknown>, now: number): Promise<boolean>;
  markRetry(id: R['id'], nextAttemptAt: number, lastError: string, now: number): Promise<boolean>;
  markDead(id: R['id'], lastError: string, now: number): Promise<boolean>;
  releaseOwn(owner: string, now: number): Promise<number>;
  /** Moves the lease end of a row `owner` holds (still pending); false when it is no longer theirs. */
  extendLease?(id: R['id'], owner: string, leaseUntil: number): Promise<boolean>;
  countPending(): Promise<number>;
}

/** How a failure is recorded: its code (what the row shows, never server text) and whether waiting helps. */
export interface FailureClass {
  code: string;
  retryable: boolean;
}

/** Thrown by a queue's `process` for a row that can never succeed (no handler, unreadable payload). */
export class PermanentFailure extends Error {
  constructor(readonly code: string) {
    super(code);
    this.name = 'PermanentFailure';
  }
}
