import { AUDIT_ACTIONS, type AuditSink } from '../shared/audit-sink.js';
import type { InboxCipher } from '../domain/inbox/inbox-cipher.js';
import { createGroupCommit } from '../domain/inbox/group-commit.js';
import type { ClaimResult, InboxRepository, RecordInput } from '../domain/inbox/inbox-repository.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { noMetrics, type InboundKind, type Metrics } from '../shared/metrics.js';

/** An id that came from outside goes into the permanent log only if it looks like an id. */
export const idShaped = (id: string | undefined): string | undefined =>
  id && /^[\w.:=+/-]{1,160}$/.test(id) ? id : undefined;

/** A failure as a code safe for the audit log and the console: never message text. */
export function reasonOf(err: unknown, prefix: string): string {
  const code = (err as { code?: unknown } | null)?.code;
  const tail = typeof code === 'string' && code ? code.toLowerCase().replace(/[^a-z0-9_.:-]/g, '_') : 'internal';
  return `${prefix}.${tail}`.slice(0, 64);
}

export interface InboxClaimsDeps {
  inbox: InboxRepository;
  cipher: Pick<InboxCipher, 'seal' | 'open'>;
  audit: AuditSink;
  clock: Clock;
  logger: Logger;
  /** Who holds the claims this process makes (stable across restarts of the same instance). */
  instanceId: string;
  /** How long a claim is held before another instance may take it over; default 5 min. */
  leaseMs?: number;
  /** Starts of processing before a message is dead-lettered instead (a message that crashes the process). */
  maxAttempts?: number;
  metrics?: Metrics;
}

/** A claim handed back for processing, its payload opened. */
export interface ResumedClaim {
  msgId: string;
  body: string;
}

/**
 * Durable claims on inbound messages and events, one mechanism for every topic: each is recorded
 * (sealed under the keyring, fsynced, with owner and lease) before its frame is ACKed, and finished or
 * dead-lettered after. Claims an earlier run (or an instance whose lease ran out) left unfinished are
 * taken back for processing. The repository blanks the payload when a claim ends.
 */
export function createInboxClaims(deps: InboxClaimsDeps) {
  const { inbox, cipher, audit, clock, logger } = deps;
  const leaseMs = deps.leaseMs ?? 300_000;
  const maxAttempts = deps.maxAttempts ?? 3;
  const metrics = deps.metrics ?? noMetrics;
  // At 200 messages/s an fsync per message held the event loop most of the time (R8): claims that
  // arrive in the same turn (robot messages and events alike) share one durable commit, and none is ACKed before it.
  const recordDurably = createGroupCommit((rows: RecordInput[]) => inbox.recordMany(rows), (row: RecordInput) => inbox.record(row));

  /** Rows written before payloads were sealed hold plain JSON. */
  async function openPayload(msgId: string, topic: string, payload: string | null): Promise<string> {
    if (payload === null) throw new Error('no payload');
    return payload.startsWith('{') ? payload : cipher.open(msgId, topic, payload);
  }

  const claims = {
    instanceId: deps.instanceId,

    /** Records `body` (sealed) under `msgId`, durably; a second record of the same id is a duplicate. */
    async record(msgId: string, topic: string, body: string): Promise<ClaimResult> {
      const now = clock.now();
      const payload = await cipher.seal(msgId, topic, body);
      return recordDurably({ msgId, topic, payload, owner: deps.instanceId, now, leaseUntil: now + leaseMs });
    },

    /** A dead letter with its reason (a code), audited and counted; never throws. */
    async deadLetter(msgId: string, reason: string, kind: InboundKind): Promise<void> {
      try {
        await inbox.deadLetter(msgId, reason, clock.now());
        metrics.inbound('dead_letter', kind);
        logger.warn({ code: 'inbound.dead', reason, msgId: idShaped(msgId) }, 'inbound message dead-lettered');
        audit.append({ actor: 'dingtalk', action: AUDIT_ACTIONS.eventDead, target: idShaped(msgId), outcome: 'failure', reason });
      } catch (err) {
        logger.error({ code: 'inbound.dead_letter_failed', err: (err as Error).message }, 'could not dead-letter a message');
      }
    },

    /**
     * Takes one unfinished claim whose owner's lease ran out (a redelivery reached this instance):
     * this instance now holds it, with `body` sealed as its payload. False when the claim is finished,
     * or still held; a claim that ran out of attempts is dead-lettered (false too).
     */
    async takeOver(msgId: string, topic: string, kind: InboundKind, body: string): Promise<boolean> {
      const now = clock.now();
      const payload = await cipher.seal(msgId, topic, body);
      const taken = await inbox.takeExpired({ msgId, topic, payload, owner: deps.instanceId, now, leaseUntil: now + leaseMs });
      if (!taken) return false;
      if (taken.attempts <= maxAttempts) return true;
      await claims.deadLetter(msgId, 'inbound.attempts_exhausted', kind);
      return false;
    },

    /**
     * At start: takes what an earlier run of this instance (or one whose lease ran out) recorded under
     * `topic` but did not finish. Claims out of attempts, or whose payload does not open, are
     * dead-lettered; the others come back opened, to be processed.
     */
    async takeUnfinished(topic: string, kind: InboundKind): Promise<ResumedClaim[]> {
      const now = clock.now();
      const taken = await inbox.takeUnfinished({ topic, owner: deps.instanceId, now, leaseUntil: now + leaseMs });
      const out: ResumedClaim[] = [];
      for (const row of taken) {
        if (row.attempts > maxAttempts) {
          await claims.deadLetter(row.msgId, 'inbound.attempts_exhausted', kind);
          continue;
        }
        try {
          out.push({ msgId: row.msgId, body: await openPayload(row.msgId, topic, row.payload) });
        } catch {
          await claims.deadLetter(row.msgId, 'inbound.payload_unreadable', kind);
        }
      }
      return out;
    },
  };
  return claims;
}

export type InboxClaims = ReturnType<typeof createInboxClaims>;
