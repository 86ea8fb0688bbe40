import type { Clock } from '../../shared/clock.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { InboxRepository } from '../../domain/inbox/inbox-repository.js';
import type { Step } from '../context.js';

export const ROBOT_TOPIC = '/v1.0/im/bot/messages/get';

/**
 * First step: take the msgId durably (with the message, until done) or stop if it was taken before —
 * a redelivery, a replay, or a second copy racing the first. Marks the message done or failed at the end.
 */
export function dedupe(deps: { inbox: InboxRepository; audit: AuditSink; clock: Clock }): Step {
  return async (ctx, next) => {
    const { msgId } = ctx.msg;
    if (!ctx.resumed && (await deps.inbox.claim(msgId, ROBOT_TOPIC, deps.clock.now())) === 'duplicate') {
      deps.audit.append({ actor: ctx.msg.senderUserId, action: AUDIT_ACTIONS.eventDuplicate, target: msgId, outcome: 'success' });
      return;
    }
    deps.audit.append({ actor: ctx.msg.senderUserId, action: AUDIT_ACTIONS.eventReceived, target: msgId, outcome: 'success' });
    try {
      await next();
      await deps.inbox.finish(msgId, 'done', deps.clock.now());
    } catch (err) {
      await deps.inbox.finish(msgId, 'failed', deps.clock.now());
      throw err;
    }
  };
}
