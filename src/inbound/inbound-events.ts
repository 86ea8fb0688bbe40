import type { ChatEvent } from '../dingtalk/inbound.js';
import { AUDIT_ACTIONS, type AuditSink } from '../shared/audit-sink.js';
import type { InboxRepository } from '../domain/inbox/inbox-repository.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { noMetrics, type Metrics } from '../shared/metrics.js';
import { idShaped, reasonOf, type InboxClaims } from './inbox-claims.js';

export const EVENT_TOPIC = 'event';

/** What an event's claim keeps to handle it again: its type and data (the data may name users: sealed). */
type StoredEvent = Pick<ChatEvent, 'eventId' | 'eventType' | 'data'>;

/**
 * DingTalk events (a member left a group, a user left the organisation, …), exactly once, like robot
 * messages: each is recorded (sealed, fsynced, with owner and lease) before it is ACKed, handled after,
 * and finished or dead-lettered. A process that dies after the ACK resumes its events at its next
 * start; another instance takes them over once the lease has run out, at its start or when DingTalk
 * pushes the event again. A repeat of a finished (or still held) event is a duplicate.
 */
export function createEventInbox(deps: {
  claims: InboxClaims;
  inbox: Pick<InboxRepository, 'finish'>;
  audit: AuditSink;
  clock: Clock;
  logger: Logger;
  onChatEvent?: (eventType: string, data: Record<string, unknown>) => Promise<void>;
  metrics?: Metrics;
}) {
  const { claims, clock, logger } = deps;
  const metrics = deps.metrics ?? noMetrics;
  /** Audit entries about what arrived must never stop the handling of it. */
  const note = (entry: Parameters<AuditSink['append']>[0]) => {
    try {
      deps.audit.append(entry);
    } catch (err) {
      logger.warn({ code: 'inbound.audit_failed', err: (err as Error).message }, 'inbound audit entry refused');
    }
  };
  const bodyOf = (evt: StoredEvent) => JSON.stringify({ eventId: evt.eventId, eventType: evt.eventType, data: evt.data });

  /**
   * Handles a claimed event, its lease extended while it runs: done, or a dead letter with its reason
   * (a retry would fail the same way). Never throws.
   */
  const handle = (evt: StoredEvent): Promise<void> =>
    claims.hold(evt.eventId, async () => {
      try {
        await deps.onChatEvent?.(evt.eventType, evt.data);
        await deps.inbox.finish(evt.eventId, 'done', clock.now());
        metrics.inbound('handled', 'event');
      } catch (err) {
        const reason = reasonOf(err, 'event');
        logger.error({ code: 'event.failed', eventType: idShaped(evt.eventType), reason }, 'event handling failed');
        await claims.deadLetter(evt.eventId, reason, 'event');
      }
    });

  /** Handles the unfinished claims taken back (all of them at start; those whose lease ran out when sweeping). */
  async function resume(expiredOnly: boolean): Promise<number> {
    const taken = await claims.takeUnfinished(EVENT_TOPIC, 'event', expiredOnly);
    for (const row of taken) {
      let evt: StoredEvent;
      try {
        const parsed = JSON.parse(row.body) as Partial<StoredEvent>;
        if (typeof parsed.eventType !== 'string' || typeof parsed.data !== 'object' || parsed.data === null) throw new Error('not an event');
        evt = { eventId: row.msgId, eventType: parsed.eventType, data: parsed.data };
      } catch {
        await claims.deadLetter(row.msgId, 'inbound.payload_unreadable', 'event');
        continue;
      }
      await handle(evt);
    }
    return taken.length;
  }

  return {
    /**
     * Claims an arriving event durably (before its ACK): 'new' to handle, 'taken' when it was claimed
     * before by an instance whose lease ran out (this one handles it now), 'duplicate' otherwise.
     * Throws when the claim could not be written (the event is then not ACKed).
     */
    async record(evt: ChatEvent): Promise<'new' | 'taken' | 'duplicate'> {
      if ((await claims.record(evt.eventId, EVENT_TOPIC, bodyOf(evt))) === 'new') {
        metrics.inbound('received', 'event');
        note({ actor: 'dingtalk', action: AUDIT_ACTIONS.eventReceived, target: idShaped(evt.eventType), outcome: 'success' });
        return 'new';
      }
      if (!(await claims.takeOver(evt.eventId, EVENT_TOPIC, 'event', bodyOf(evt)))) {
        metrics.inbound('duplicate', 'event');
        return 'duplicate';
      }
      // Received here now: its first instance died holding it.
      metrics.inbound('received', 'event');
      logger.warn({ code: 'event.taken_over', eventType: idShaped(evt.eventType) }, 'event left unfinished by another instance taken over');
      return 'taken';
    },

    /** Handles a recorded event after its ACK; a failure dead-letters it. Never throws. */
    process: handle,

    /** At start: handles the events an earlier run (or an instance whose lease ran out) claimed but did not finish. */
    resumeUnfinished: (): Promise<number> => resume(false),

    /** The periodic sweep: takes over and handles events whose holder's lease ran out (a dead instance's). */
    takeOverExpired: (): Promise<number> => resume(true),
  };
}

export type EventInbox = ReturnType<typeof createEventInbox>;
