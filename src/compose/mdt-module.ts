import { createMdtNotices } from '../bot/mdt-notices.js';
import type { Notifier } from '../bot/outbound.js';
import type { Config } from '../config/config.js';
import type { ClinicalNormaliser } from '../domain/clinical/clinical-normaliser.js';
import type { DirectoryRepository } from '../domain/directory/directory-repository.js';
import type { AuditSink } from '../shared/audit-sink.js';
import type { Clock } from '../shared/clock.js';
import { newId } from '../shared/ids.js';
import { asBuffer } from '../render-pool/print-pdf.js';
import type { Logger } from '../shared/logger.js';
import { createTicker } from '../shared/ticker.js';
import type { Transaction } from '../shared/transactions.js';
import type { ArchiveDeps } from '../usecases/mdt/archive-mdt.js';
import { remindOverdueMdtActions } from '../usecases/mdt/mdt-actions.js';
import type { ArchiveSummaryPdf } from '../usecases/mdt/mdt-ports.js';
import type { SecureSharing } from './secure-sharing.js';

/**
 * MDT meetings wired: the use cases' deps (the sealed MDT repository, the care team, the chat notices,
 * archiving to the vault as an `mdt_summary` document), and the overdue-action reminder timer.
 */
export function createMdt(deps: {
  config: Pick<Config, 'mdt'>;
  secure: Pick<SecureSharing, 'sealed' | 'cases' | 'casesRepo' | 'vault' | 'sharing' | 'grantConsultAccess' | 'renderer'>;
  directoryRepo: DirectoryRepository;
  normaliser: Pick<ClinicalNormaliser, 'normalise'>;
  notify: Notifier;
  publicUrl: string;
  transaction: Transaction;
  audit: AuditSink;
  clock: Clock;
  logger: Logger;
  reminderTickMs?: number;
}) {
  const { secure } = deps;
  // Stored like any shared document: encrypted in the vault, registered on the case, viewed with the viewer's watermark.
  const archivePdf: ArchiveSummaryPdf = async ({ caseRow, author, bytes }) => {
    const documentId = newId();
    const meta = await secure.vault.store({ documentId, caseId: caseRow.id, bytes });
    await secure.sharing.registerDocument({
      id: documentId, caseId: caseRow.id, authorId: author.id, authorInstitutionId: author.institutionId, kind: 'report', docType: 'mdt_summary', mediaType: meta.mediaType, size: meta.size,
    });
    return { documentId };
  };
  const useCases: ArchiveDeps & { normalise: ClinicalNormaliser['normalise'] } = {
    mdt: secure.sealed.mdt,
    cases: secure.cases.queries,
    casesRepo: secure.casesRepo,
    directory: deps.directoryRepo,
    grantConsult: secure.grantConsultAccess,
    notices: createMdtNotices({ directoryRepo: deps.directoryRepo, notify: deps.notify, publicUrl: deps.publicUrl }),
    settings: deps.config.mdt,
    transaction: deps.transaction,
    audit: deps.audit,
    clock: deps.clock,
    archivePdf,
    // In the render pool: embedding the CJK font subsets would hold the event loop (print-pdf.ts).
    renderPdf: async (input) => asBuffer(await secure.renderer.print({ kind: 'mdt_summary', input })),
    normalise: (text) => deps.normaliser.normalise(text),
  };
  const reminders = createTicker('mdt.reminders', () => remindOverdueMdtActions(useCases), deps.reminderTickMs ?? 60_000, deps.logger);
  return { useCases, reminders };
}

export type Mdt = ReturnType<typeof createMdt>;
