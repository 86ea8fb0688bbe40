import type { Bot } from '../bot/bot.js';
import { ROBOT_TOPIC } from '../bot/steps/dedupe.js';
import type { BotMessage } from '../dingtalk/bot-message.js';
import { AUDIT_ACTIONS } from '../shared/audit-sink.js';
import { noMetrics } from '../shared/metrics.js';
import { createInboxClaims, idShaped, reasonOf, type InboxClaims, type InboxClaimsDeps } from './inbox-claims.js';

export interface RobotInboxDeps extends InboxClaimsDeps {
  bot: Bot;
  /** The claims shared with the other inbound topics (one group commit); built from the rest when absent. */
  claims?: InboxClaims;
}

/**
 * Robot messages, exactly once: each is recorded (sealed under the keyring, fsynced, with owner and
 * lease) before its frame is ACKed, processed after, and finished or dead-lettered with a reason. A
 * process that dies after the ACK resumes the message at its next start.
 */
export function createRobotInbox(deps: RobotInboxDeps) {
  const { audit, logger } = deps;
  const claims = deps.claims ?? createInboxClaims(deps);
  const metrics = deps.metrics ?? noMetrics;

  /** Handles a held message, its lease extended while it runs. Never throws. */
  const handle = (msg: BotMessage): Promise<void> =>
    claims.hold(msg.msgId, async () => {
      try {
        await deps.bot.resume(msg);
        metrics.inbound('handled', 'robot');
      } catch (err) {
        await claims.deadLetter(msg.msgId, reasonOf(err, 'bot'), 'robot');
      }
    });

  /** Handles the unfinished claims taken back (all of them at start; those whose lease ran out when sweeping). */
  async function resume(expiredOnly: boolean): Promise<number> {
    const taken = await claims.takeUnfinished(ROBOT_TOPIC, 'robot', expiredOnly);
    for (const row of taken) {
      let msg: BotMessage;
      try {
        msg = JSON.parse(row.body) as BotMessage;
      } catch {
        await claims.deadLetter(row.msgId, 'inbound.payload_unreadable', 'robot');
        continue;
      }
      await handle(msg);
    }
    return taken.length;
  }

  return {
    async record(msg: BotMessage): Promise<'new' | 'duplicate'> {
      const taken = await claims.record(msg.msgId, ROBOT_TOPIC, JSON.stringify(msg));
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
    resumeUnfinished: (): Promise<number> => resume(false),

    /** The periodic sweep: takes over and finishes messages whose holder's lease ran out (a dead instance's). */
    takeOverExpired: (): Promise<number> => resume(true),
  };
}

export type RobotInbox = ReturnType<typeof createRobotInbox>;
