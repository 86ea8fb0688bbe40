import { allergyAlertCommand } from './allergy-alert.js';
import { grantCaseCommands } from './grant-case-commands.js';
import { breakglassCommand } from './breakglass.js';
import { burnCommand } from './burn.js';
import type { Command } from './command.js';
import { approveCommand, denyCommand } from './decide.js';
import type { CommandDeps } from './deps.js';
import { receiptsCommand } from './receipts.js';
import { requestCommand } from './request.js';
import { shareCommand } from './share.js';
import { medsCommand } from './meds.js';
import { whyCommand } from './why.js';

/** Sharing commands: `share`, `request`, `approve`/`deny`, `receipts`, `breakglass`, `why`, `burn`, `alert`, `meds`. */
export function sharingCommands(deps: CommandDeps): Command[] {
  return [
    shareCommand(deps),
    requestCommand(deps),
    approveCommand(deps),
    denyCommand(deps),
    receiptsCommand(deps),
    breakglassCommand(deps),
    whyCommand(deps),
    burnCommand(deps),
    allergyAlertCommand(deps),
    medsCommand(deps),
    ...grantCaseCommands(deps),
  ];
}
