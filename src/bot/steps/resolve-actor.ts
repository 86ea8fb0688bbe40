import type { DirectoryService } from '../../domain/directory/directory-service.js';
import type { Step } from '../context.js';
import { replyLang } from '../../shared/lang.js';

/** Looks the sender up in the directory (enrolling first-time users, unverified) and picks the reply language. */
export function resolveActor(directory: DirectoryService): Step {
  return async (ctx, next) => {
    ctx.actor = await directory.resolveOrEnroll(ctx.msg.senderUserId, ctx.msg.senderNick);
    ctx.lang = replyLang({ preference: ctx.actor.clinician.language });
    await next();
  };
}
