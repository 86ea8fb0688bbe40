import type { CaseRow } from '../../domain/cases/cases-repository.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import { AUDIT_ACTIONS } from '../../shared/audit-sink.js';
import { DomainError } from '../../shared/errors.js';
import type { MdtDeps } from './mdt-ports.js';

/** The inbox's line: how many of my MDT actions are open, and how many of those overdue (two counts, no rows). */
export function myMdtActionCounts(deps: Pick<MdtDeps, 'mdt' | 'clock'>, me: ClinicianRow): Promise<{ open: number; overdue: number }> {
  return deps.mdt.openActionCounts(me.id, deps.clock.now());
}

/** The owner marks their action done, once; anyone else's looks like none. */
export async function markMdtActionDone(deps: Pick<MdtDeps, 'mdt' | 'audit' | 'clock' | 'transaction'>, me: ClinicianRow, actionId: string): Promise<void> {
  const a = await deps.mdt.findAction(actionId);
  if (!a || a.ownerId !== me.id) throw new DomainError('mdt.action_not_found');
  await deps.transaction(async () => {
    if (!(await deps.mdt.markDone(a.id, deps.clock.now()))) throw new DomainError('conflict', 'already done');
    deps.audit.append({ actor: me.id, action: AUDIT_ACTIONS.mdtActionDone, target: a.meetingId, outcome: 'success', reason: `action:${a.id}` });
  });
}

/**
 * Owners of open actions past their due time are reminded 1:1, once per action (the reminder timer
 * calls this; the link opens "My MDT actions"). Answers how many were reminded.
 */
export async function remindOverdueMdtActions(deps: Pick<MdtDeps, 'mdt' | 'casesRepo' | 'notices' | 'audit' | 'clock'>, limit = 50): Promise<number> {
  const now = deps.clock.now();
  let n = 0;
  for (const a of await deps.mdt.overdueUnreminded(now, limit)) {
    const caseRow: CaseRow | undefined = await deps.casesRepo.caseById(a.caseId);
    await deps.mdt.markReminded(a.id, now);
    if (!caseRow) continue;
    await deps.notices.actionOverdue(caseRow, a);
    deps.audit.append({ actor: 'system', action: AUDIT_ACTIONS.mdtActionReminded, target: a.meetingId, outcome: 'success', reason: `action:${a.id}` });
    n++;
  }
  return n;
}
