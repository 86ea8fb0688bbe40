import type { Step } from '../context.js';

/** The bot never answers itself (its own messages can echo back in some group setups). */
export const ignoreSelf: Step = async (ctx, next) => {
  const { senderId, chatbotUserId } = ctx.msg;
  if (senderId && chatbotUserId && senderId === chatbotUserId) return;
  await next();
};
