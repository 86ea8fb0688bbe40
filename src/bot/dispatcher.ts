import type { Logger } from '../shared/logger.js';
import type { BotContext, Step } from './context.js';

/**
 * Runs a message through a fixed chain of small named steps. A step calls `next()` to go on or
 * returns to stop the chain (duplicate, the bot's own message, …). `next()` twice is a bug and throws.
 */
export function compose(steps: Array<{ name: string; run: Step }>, logger: Logger) {
  return async function handle(ctx: BotContext): Promise<void> {
    let last = -1;
    const dispatch = async (i: number): Promise<void> => {
      if (i <= last) throw new Error(`step ${steps[i - 1]?.name} called next() twice`);
      last = i;
      const step = steps[i];
      if (!step) return;
      await step.run(ctx, () => dispatch(i + 1));
    };
    try {
      await dispatch(0);
    } catch (err) {
      logger.error({ code: 'bot.step_failed', step: steps[last]?.name, err: (err as Error).message }, 'bot step failed');
      throw err;
    }
  };
}
