import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { EscalationService } from '../../domain/escalation/escalation-service.js';
import type { InteractionDecision, InteractionRepository } from '../../domain/interactions/interaction-repository.js';
import { AUDIT_ACTIONS } from '../../shared/audit-sink.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import type { Transaction } from '../../shared/transactions.js';
import type { CasesRepository } from '../../domain/cases/cases-repository.js';
import type { MedicationAccessDeps } from '../medications/medication-access.js';
import { caseOfAlert, findAlert } from './interaction-alerts.js';

export interface DecideInteractionDeps extends MedicationAccessDeps {
  repo: Pick<InteractionRepository, 'find' | 'decide'>;
  casesRepo: Pick<CasesRepository, 'caseById'>;
  escalation: Pick<EscalationService, 'cancel'>;
  transaction: Transaction;
  clock: Clock;
}

export type InteractionDecisionInput = { kind: 'acknowledge' } | { kind: 'override'; reason?: string | null };

/** The longest override reason kept (it is free text, sealed at rest). */
export const MAX_REASON = 1000;

/**
 * A clinician on the case team (the policy's `addMedication`: a prescribing decision) acknowledges the alert, or overrides it with a reason (required). Once only:
 * a decided alert answers `interaction.already_decided`. Nobody is chased for it any more.
 */
export async function decideInteractionAlert(deps: DecideInteractionDeps, me: ClinicianRow, id: string, input: InteractionDecisionInput) {
  const reason = input.kind === 'override' ? (input.reason ?? '').trim() : null;
  if (input.kind === 'override' && !reason) throw new DomainError('interaction.reason_required');
  if (reason && reason.length > MAX_REASON) throw new DomainError('request.invalid');
  const row = await findAlert(deps, id);
  const action = input.kind === 'override' ? AUDIT_ACTIONS.interactionOverridden : AUDIT_ACTIONS.interactionAcknowledged;
  await caseOfAlert(deps, me, row.caseId, 'addMedication', action);
  const now = deps.clock.now();
  const state: InteractionDecision['state'] = input.kind === 'override' ? 'overridden' : 'acknowledged';
  return deps.transaction(async () => {
    if (!(await deps.repo.decide(id, { state, by: me.id, at: now, reason }))) throw new DomainError('interaction.already_decided');
    await deps.escalation.cancel(id, `interaction_${state}`, now);
    deps.audit.append({ actor: me.id, action, target: id, outcome: 'success', at: now }, { now: true });
    return { id, state, decidedBy: me.id, decidedAt: now };
  });
}
