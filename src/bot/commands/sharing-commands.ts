import type { Command } from './command.js';
import type { CommandDeps } from './deps.js';

/** Sharing commands: `share`, `request`, `approve`/`deny`, `receipts`, `breakglass`, `why`. */
export function sharingCommands(_deps: CommandDeps): Command[] {
  return [];
}
