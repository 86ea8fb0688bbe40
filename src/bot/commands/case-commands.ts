import type { Command } from './command.js';
import type { CommandDeps } from './deps.js';

/** Case commands: `case open`, `case C-XXXXX`, `team`, `consent`. */
export function caseCommands(_deps: CommandDeps): Command[] {
  return [];
}
