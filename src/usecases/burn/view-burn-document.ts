import type { BurnService } from '../../domain/burn/burn-service.js';
import type { CasesRepository } from '../../domain/cases/cases-repository.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import { readBurn, secondsLeft, type ReadBurnDeps } from './open-burn.js';

import type { StampForViewer } from '../viewing/stamp-for-viewer.js';

export interface ViewBurnDocumentDeps extends ReadBurnDeps {
  burn: Pick<BurnService, 'peek' | 'open'>;
  stamp: StampForViewer;
  cases: Pick<CasesRepository, 'caseById'>;
  audit: Pick<AuditSink, 'append'>;
  clock: Clock;
}

export interface BurnDocumentView {
  pdf: Uint8Array;
  remainingSeconds: number;
  caseCode: string;
}

/**
 * A burn-after-reading document for `viewer` (the caller checked that the burn view token is theirs).
 * Their first open starts their countdown (and stops unread escalation), so it starts at this fetch;
 * the bytes leave only as a PDF stamped for them with a trace code, and the plaintext is zeroed
 * before this returns. Past the deadline: `burned`. A text item is `not_found` here.
 */
export async function viewBurnDocument(deps: ViewBurnDocumentDeps, viewer: ClinicianRow, itemId: string): Promise<BurnDocumentView> {
  if ((await deps.burn.peek(viewer, itemId)).kind !== 'document') throw new DomainError('not_found');
  const opened = await readBurn(deps, viewer, itemId);
  const bytes = opened.bytes!;
  try {
    const { pdf, traceCode } = await deps.stamp(viewer, bytes, opened.mediaType!);
    const remainingSeconds = secondsLeft(opened.burnAt, deps.clock.now());
    if (remainingSeconds <= 0) throw new DomainError('burned');
    deps.audit.append({ actor: viewer.id, action: AUDIT_ACTIONS.documentViewed, target: itemId, outcome: 'success', trace: traceCode });
    return { pdf, remainingSeconds, caseCode: (await deps.cases.caseById(opened.caseId))?.code ?? '' };
  } finally {
    bytes.fill(0);
  }
}
