import type { Step } from '../context.js';

/**
 * Reads the command word and arguments from the text after the @-mention. DingTalk usually strips the
 * bot's own mention, but not always, so a leading `@ConsultBridge` (any case, half- or full-width @)
 * and a leading `/` are tolerated.
 */
export function parseCommandText(text: string, botName: string): { name: string; args: string[]; raw: string } {
  let rest = text.normalize('NFKC').trim();
  const mention = new RegExp(`^@\\s?${botName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i');
  while (mention.test(rest)) rest = rest.replace(mention, '').trim();
  if (rest.startsWith('/')) rest = rest.slice(1);
  const [name = '', ...args] = rest.split(/\s+/).filter(Boolean);
  return { name: name.toLowerCase(), args, raw: rest };
}

export function parseCommand(botName: string): Step {
  return async (ctx, next) => {
    ctx.command = parseCommandText(ctx.msg.text, botName);
    await next();
  };
}
