import type { CardAction, CardResponse } from '../dingtalk/inbound.js';
import type { InboxRepository } from '../domain/inbox/inbox-repository.js';
import { AUDIT_ACTIONS, type AuditSink } from '../shared/audit-sink.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { noMetrics, type Metrics } from '../shared/metrics.js';
import { idShaped, type InboxClaims } from './inbox-claims.js';

/** The topic of card-press claims (their msgId is `card:<callbackId>`). */
export const CARD_TOPIC = 'card';

const keyOf = (action: Pick<CardAction, 'callbackId'>) => `card:${action.callbackId}`;

export interface CardInboxDeps {
  claims: InboxClaims;
  inbox: Pick<InboxRepository, 'finish'>;
  audit: AuditSink;
  clock: Clock;
  logger: Logger;
  metrics?: Metrics;
  /** Handles a press; its answer is the card update for the presser. */
  press(action: CardAction): Promise<CardResponse | null>;
  /** Delivers a press's answer when the callback can no longer carry it (late, or taken over): the outbox. */
  answerLater(action: CardAction, response: CardResponse): Promise<void>;
}

/**
 * Card button presses, once each, like robot messages: a press is claimed (sealed, with owner and
 * lease, heartbeat-extended while handled) before it is handled and finished after. A press whose
 * instance died is taken over by another once the lease has run out (by the sweep, or when the frame
 * comes again) and handled there; its answer then goes by the outbox, since the callback it came on
 * is gone. A repeat of a finished (or still held) press is a duplicate and does nothing.
 */
export function createCardInbox(deps: CardInboxDeps) {
  const { claims, clock, logger } = deps;
  const metrics = deps.metrics ?? noMetrics;

  const handle = (action: CardAction): Promise<CardResponse | null> =>
    claims.hold(keyOf(action), async () => {
      try {
        const out = await deps.press(action);
        metrics.inbound('handled', 'card');
        return out;
      } finally {
        await deps.inbox.finish(keyOf(action), 'done', clock.now());
      }
    });

  /** A press handled where its callback is gone: its answer goes by the outbox. Never throws. */
  async function handleDetached(action: CardAction): Promise<void> {
    try {
      const out = await handle(action);
      if (out) await deps.answerLater(action, out);
    } catch (err) {
      logger.error({ code: 'card.takeover_failed', err: (err as Error).message }, 'a card press taken over failed');
    }
  }

  async function resume(expiredOnly: boolean): Promise<number> {
    const taken = await claims.takeUnfinished(CARD_TOPIC, 'card', expiredOnly);
    for (const row of taken) {
      let action: CardAction;
      try {
        action = JSON.parse(row.body) as CardAction;
      } catch {
        await claims.deadLetter(row.msgId, 'inbound.payload_unreadable', 'card');
        continue;
      }
      await handleDetached(action);
    }
    return taken.length;
  }

  return {
    /** A press as it arrives: claimed and handled, its answer for the callback; null for a repeat. */
    async press(action: CardAction): Promise<CardResponse | null> {
      const body = JSON.stringify(action);
      if ((await claims.record(keyOf(action), CARD_TOPIC, body)) === 'duplicate') {
        // The frame again: a press whose holder died (lease over) is taken over here; anything else is a repeat.
        if (!(await claims.takeOver(keyOf(action), CARD_TOPIC, 'card', body))) {
          metrics.inbound('duplicate', 'card');
          try {
            deps.audit.append({ actor: 'dingtalk', action: AUDIT_ACTIONS.eventDuplicate, target: idShaped(action.callbackId), outcome: 'denied', reason: 'card_replayed' });
          } catch (err) {
            logger.warn({ code: 'inbound.audit_failed', err: (err as Error).message }, 'inbound audit entry refused');
          }
          return null;
        }
      }
      metrics.inbound('received', 'card');
      return handle(action);
    },

    /** The answer of a press that came after the callback's deadline (the ACK went without it): by the outbox. */
    answerLate: (action: CardAction, response: CardResponse): Promise<void> => deps.answerLater(action, response),

    /** At start: this instance's unfinished presses (and lapsed ones), handled, answered by the outbox. */
    resumeUnfinished: (): Promise<number> => resume(false),

    /** The periodic sweep: presses whose holder's lease ran out (a dead instance's), handled here. */
    takeOverExpired: (): Promise<number> => resume(true),
  };
}

export type CardInbox = ReturnType<typeof createCardInbox>;
