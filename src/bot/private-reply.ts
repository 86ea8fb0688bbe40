import type { ErrorCode } from '../shared/errors.js';
import type { BotContext } from './context.js';
import { say } from './i18n.js';
import { ROOM_TEXTS as T } from './texts/room-texts.js';

/** Refusals about the sender themself (their verification, suspension, what they may do): never said in a group. */
export const PERSONAL_ERRORS: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['actor.unverified', 'actor.suspended', 'access.denied']);

/**
 * A reply path for answers about the sender (`why`, `whoami`, the long `help`, refusals about them):
 * in a group the answer goes to the sender 1:1 and the group hears only one short neutral pointer
 * ("I have answered you privately.", in the sender's language), so they know to look; in a 1:1 chat
 * it is the usual reply. Messages already aimed at someone keep their target.
 */
export function privateReply(ctx: Pick<BotContext, 'msg' | 'lang' | 'reply'>): BotContext['reply'] {
  if (ctx.msg.conversationType === 'direct') return ctx.reply;
  const base = ctx.reply;
  let pointed = false;
  return async (message, target = 'conversation') => {
    if (target !== 'conversation') return base(message, target);
    await base(message, { userId: ctx.msg.senderUserId });
    if (pointed) return;
    pointed = true;
    await base(say(ctx.lang, T.answeredPrivately));
  };
}
