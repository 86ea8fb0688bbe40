import type { Bot } from '../bot/bot.js';
import { ROBOT_TOPIC } from '../bot/steps/dedupe.js';
import type { BotMessage } from '../dingtalk/bot-message.js';
import { AUDIT_ACTIONS, type AuditSink } from '../shared/audit-sink.js';
import type { InboxCipher } from '../domain/inbox/inbox-cipher.js';
import { createGroupCommit } from '../domain/inbox/group-commit.js';
import type { InboxRepository, RecordInput } from '../domain/inbox/inbox-repository.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { noMetrics, type Metrics } from '../shared/metrics.js';

/** An id that came from outside goes into the permanent log only if it looks like an id. */
export const idShaped = (id: string | undefined): string | undefined =>
  id && /^[\w.:=+/-]{1,160}$/.test(id) ? id : undefined;

/** A failure as a code safe for the audit log and the console: never message text. */
export function reasonOf(err: unknown, prefix: string): string {
  const code = (err as { code?: unknown } | null)?.code;
  const tail = typeof code === 'string' && code ? code.toLowerCase().replace(/[^a-z0-9_.:-]/g, '_') : 'internal';
  return `${prefix}.${tail}`.slice(0, 64);
}

export interface RobotInboxDeps {
  bot: Bot;
  inbox: InboxRepository;
  cipher: InboxCipher;
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

/**
 * Robot messages, exactly once: each is recorded (sealed under the keyring, fsynced, with owner and
 * lease) before its frame is ACKed, processed after, and finished or dead-lettered with a reason. A
 * process that dies after the ACK resumes the message at its next start.
 */
export function createRobotInbox(deps: RobotInboxDeps) {
  const { inbox, cipher, audit, clock, logger } = deps;
  const leaseMs = deps.leaseMs ?? 300_000;
  const maxAttempts = deps.maxAttempts ?? 3;
  const metrics = deps.metrics ?? noMetrics;
  // At 200 messages/s an fsync per message held the event loop most of the time (R8): messages that
  // arrive in the same turn share one durable commit, and none is ACKed before it.
  const recordDurably = createGroupCommit((rows: RecordInput[]) => inbox.recordMany(rows), (row: RecordInput) => inbox.record(row));

  async function deadLetter(msgId: string, reason: string): Promise<void> {
    try {
      await inbox.deadLetter(msgId, reason, clock.now());
      metrics.inbound('dead_letter', 'robot');
      logger.warn({ code: 'inbound.dead', reason, msgId: idShaped(msgId) }, 'inbound message dead-lettered');
      audit.append({ actor: 'dingtalk', action: AUDIT_ACTIONS.eventDead, target: idShaped(msgId), outcome: 'failure', reason });
    } catch (err) {
      logger.error({ code: 'inbound.dead_letter_failed', err: (err as Error).message }, 'could not dead-letter a message');
    }
  }

  async function handle(msg: BotMessage): Promise<void> {
    try {
      await deps.bot.resume(msg);
      metrics.inbound('handled', 'robot');
    } catch (err) {
      await deadLetter(msg.msgId, reasonOf(err, 'bot'));
    }
  }

  return {
    async record(msg: BotMessage): Promise<'new' | 'duplicate'> {
      const now = clock.now();
      const payload = await cipher.seal(msg.msgId, ROBOT_TOPIC, JSON.stringify(msg));
      const taken = await recordDurably({ msgId: msg.msgId, topic: ROBOT_TOPIC, payload, owner: deps.instanceId, now, leaseUntil: now + leaseMs });
      metrics.inbound(taken === 'duplicate' ? 'duplicate' : 'received', 'robot');
      if (taken === 'duplicate') {
        try {
          const actor = idShaped(msg.senderUserId) ?? 'dingtalk';
          audit.append({ actor, action: AUDIT_ACTIONS.eventDuplicate, target: idShaped(msg.msgId), outcome: 'success' });
        } catch (err) {
          logger.warn({ code: 'inbound.audit_failed', err: (err as Error).message }, 'duplicate not audited');
        }
      }
      return taken;
    },

    /** Handles a recorded message after its ACK; a failure dead-letters it. Never throws. */
    process: handle,

    /** At start: finishes what an earlier run (or an instance whose lease ran out) recorded but did not finish. */
    async resumeUnfinished(): Promise<number> {
      const now = clock.now();
      const taken = await inbox.takeUnfinished({ topic: ROBOT_TOPIC, owner: deps.instanceId, now, leaseUntil: now + leaseMs });
      for (const row of taken) {
        if (row.attempts > maxAttempts) {
          await deadLetter(row.msgId, 'inbound.attempts_exhausted');
          continue;
        }
        let msg: BotMessage;
        try {
          msg = JSON.parse(await openPayload(row.msgId, row.payload)) as BotMessage;
        } catch {
          await deadLetter(row.msgId, 'inbound.payload_unreadable');
          continue;
        }
        await handle(msg);
      }
      return taken.length;
    },
  };

  /** Rows written before payloads were sealed hold plain JSON. */
  async function openPayload(msgId: string, payload: string | null): Promise<string> {
    if (payload === null) throw new Error('no payload');
    return payload.startsWith('{') ? payload : cipher.open(msgId, ROBOT_TOPIC, payload);
  }
}

export type RobotInbox = ReturnType<typeof createRobotInbox>;
