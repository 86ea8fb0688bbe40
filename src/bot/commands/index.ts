import type { DirectoryRepository } from '../../domain/directory/directory-repository.js';
import type { Command } from './command.js';
import { helpCommand } from './help.js';
import { ping } from './ping.js';
import { whoamiCommand } from './whoami.js';

/** Every chat command, in the order help lists them. */
export function buildCommands(deps: { directoryRepo: DirectoryRepository }): { all: Command[]; help: Command } {
  const all: Command[] = [];
  const help = helpCommand(() => all);
  all.push(help, whoamiCommand(deps.directoryRepo), ping);
  return { all, help };
}
