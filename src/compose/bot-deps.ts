import type { BotDeps } from '../bot/bot.js';
import type { CommandDeps } from '../bot/commands/deps.js';
import type { BurnAfterReading } from './burn-after-reading.js';
import type { ClinicalNotes } from './clinical-notes.js';
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

/** The clinical layer's parts of the bot: the HK normaliser and where voice notes are kept for their sender to confirm. */
export function botClinicalParts(clinical: Pick<ClinicalNotes, 'normaliser' | 'drafts'>): Pick<BotDeps, 'normaliser' | 'voiceDrafts'> {
  return { normaliser: clinical.normaliser, voiceDrafts: clinical.drafts };
}
