import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import type { OutboxRepository, OutboxRow } from './outbox-repository.js';
import type { OutboxStatus } from './outbox-tables.js';

/**
 * Callers record "what should be sent" here, inside their own transaction (awaited in its body, the
 * insert joins it), and the worker sends it
 * later. The domain does not know DingTalk: intents are `{kind, payload}` and the edge supplies the
 * typed union (see src/dingtalk/outbox-handlers.ts) and a `validate` hook (the PHI guard), so a bad
 * payload fails in the caller's transaction instead of dying in the queue.
 */
export interface OutboxIntentBase {
  kind: string;
  payload: unknown;
}

export type Enqueue<I extends OutboxIntentBase> = I & { idemKey: string };

/** What the admin console may see: no payload (it may hold message text), no result body. */
export interface OutboxItemView {
  id: number;
  idemKey: string;
  kind: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
}

const OUTBOX_STATUSES: readonly OutboxStatus[] = ['pending', 'sent', 'dead', 'discarded'];

export function toView(r: OutboxRow): OutboxItemView {
  const { payload: _p, result: _r, ...view } = r;
  return view;
}

export function createOutboxService<I extends OutboxIntentBase = OutboxIntentBase>(deps: {
  repo: OutboxRepository;
  clock: Clock;
  /** Wakes the worker; called after every new row (the worker defers the actual run). */
  notify?: () => void;
  validate?: (intent: I) => void;
}) {
  return {
    /** Idempotent by idemKey: a second enqueue of the same key returns the first row's id. */
    async enqueue(intent: Enqueue<I>): Promise<{ id: number; created: boolean }> {
      if (!intent.idemKey) throw new DomainError('request.invalid', 'outbox idemKey is required');
      deps.validate?.(intent);
      const res = await deps.repo.insertPending({
        idemKey: intent.idemKey,
        kind: intent.kind,
        payload: JSON.stringify(intent.payload),
        now: deps.clock.now(),
      });
      if (res.created) deps.notify?.();
      return res;
    },

    /** One status, newest first, a keyset page at a time: `before` is the previous page's `nextBefore` (a row id). */
    async list(q: { status: OutboxStatus; limit?: number; before?: number }) {
      const limit = Math.min(Math.max(q.limit ?? 50, 1), 500);
      const { items } = await deps.repo.list({ status: q.status, limit, before: q.before });
      return { items: items.map(toView), limit, nextBefore: items.length === limit ? items.at(-1)!.id : null };
    },

    /** Rows per status, each an index range (never a walk of every sent row kept for retention). */
    async counts(): Promise<Record<OutboxStatus, number>> {
      const [pending, sent, dead, discarded] = await Promise.all(OUTBOX_STATUSES.map((s) => deps.repo.countOf(s)));
      return { pending: pending!, sent: sent!, dead: dead!, discarded: discarded! };
    },

    /** Intents of one kind enqueued under keys starting with `prefix`, with their delivery status. */
    withKeyPrefix: (prefix: string, kind: I['kind']) => deps.repo.withKeyPrefix(prefix, kind),

    /** Throws `not_found` unless the row exists and is dead. */
    async retryDead(id: number): Promise<void> {
      if (!(await deps.repo.retryDead(id, deps.clock.now()))) throw new DomainError('not_found');
      deps.notify?.();
    },

    /** Throws `not_found` unless the row exists and is pending or dead. */
    async discard(id: number): Promise<void> {
      if (!(await deps.repo.discard(id, deps.clock.now()))) throw new DomainError('not_found');
    },
  };
}

export type OutboxService<I extends OutboxIntentBase = OutboxIntentBase> = ReturnType<typeof createOutboxService<I>>;
