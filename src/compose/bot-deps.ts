import type { BotDeps } from '../bot/bot.js';
import type { CommandDeps } from '../bot/commands/deps.js';
import type { ClinicalNormaliser } from '../domain/clinical/clinical-normaliser.js';
import type { BurnAfterReading } from './burn-after-reading.js';
import type { SecureSharing } from './secure-sharing.js';

/** The parts of the bot's commands and flows that come from secure sharing and burn-after-reading. */
export type BotSharingParts = Pick<
  CommandDeps,
  'cases' | 'casesRepo' | 'documents' | 'access' | 'approvals' | 'grants' | 'breakGlass' | 'receipts' | 'decideOnCase' | 'lifecycle' | 'settings' | 'burn' | 'myCases'
>;

/** Picks, from the wired contexts, each part the chat commands and flows use, named for what it is. */
export function botSharingParts(secure: SecureSharing, burn: Pick<BurnAfterReading, 'service'>): BotSharingParts {
  return {
    cases: secure.cases,
    casesRepo: secure.casesRepo,
    documents: secure.documentsRepo,
    access: secure.access,
    approvals: secure.approvals,
    grants: secure.grants,
    breakGlass: secure.breakGlass,
    receipts: secure.receipts,
    decideOnCase: secure.decideOnCase,
    lifecycle: secure.lifecycle,
    settings: secure.settings,
    burn: burn.service,
    myCases: secure.myCases,
  };
}

/** The clinical layer's parts of the bot: the service's one HK normaliser, for voice notes (its lexicon loads at the first use). */
export function botClinicalParts(normaliser: ClinicalNormaliser): Pick<BotDeps, 'normaliser'> {
  return { normaliser };
}
