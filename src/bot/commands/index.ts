import type { DirectoryRepository } from '../../domain/directory/directory-repository.js';
import { caseCommands } from './case-commands.js';
import { casesCommands } from './cases-command.js';
import type { Command } from './command.js';
import type { CommandDeps } from './deps.js';
import { helpCommand } from './help.js';
import { oncallCommand } from './oncall.js';
import { ping } from './ping.js';
import { sharingCommands } from './sharing-commands.js';
import { summaryCommand } from './summary.js';
import { whoamiCommand } from './whoami.js';
import { referCommand } from './refer.js';

/** Every chat command, in the order help lists them. */
export function buildCommands(deps: CommandDeps): { all: Command[]; help: Command } {
  const all: Command[] = [];
  const help = helpCommand(() => all);
  all.push(help, whoamiCommand(deps.directoryRepo), ping, ...caseCommands(deps), ...casesCommands(deps), ...sharingCommands(deps), summaryCommand(deps), referCommand(deps), oncallCommand(deps));
  return { all, help };
}
