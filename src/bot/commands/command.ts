import type { BotContext } from '../context.js';
import type { Localised } from '../i18n.js';

/** One chat command: its names, a one-line description per language, and what it needs. */
export interface Command {
  name: string;
  /** Other names, matched case-insensitively: English variants and 繁/简 Chinese. */
  aliases: string[];
  usage?: string;
  summary: Localised;
  /** Commands that touch patient data need a verified, non-suspended clinician. */
  needsTrust: boolean;
  /** Answers about the sender themself (`why`, `whoami`, the long `help`): in a group they go 1:1 (private-reply.ts). */
  personal?: boolean;
  run(ctx: BotContext): Promise<void> | void;
}

/** Finds a command by name or alias; matching ignores case and full-width forms. */
export function findCommand(commands: readonly Command[], word: string): Command | undefined {
  const w = word.normalize('NFKC').toLowerCase();
  return commands.find((c) => c.name === w || c.aliases.some((a) => a.toLowerCase() === w));
}
