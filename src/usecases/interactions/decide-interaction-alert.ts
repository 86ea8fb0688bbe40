import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { EscalationService } from '../../domain/escalation/escalation-service.js';
import type { InteractionRepository } from '../../domain/interactions/interaction-repository.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import type { Transaction } from '../../shared/transactions.js';
import { findAlert, requireCareTeam, type InteractionReadDeps } from './interaction-alerts.js';

export interface DecideInteractionDeps {
  repo: Pick<InteractionRepository, 'find' | 'decide'>;
  cases: InteractionReadDeps['cases'];
  escalation: Pick<EscalationService, 'cancel'>;
  transaction: Transaction;
  audit: AuditSink;
  clock: Clock;
}

export type InteractionDecisionInput = { kind: 'acknowledge' } | { kind: 'override'; reason?: string | null };

/** The longest override reason kept (it is free text, sealed at rest). */
export const MAX_REASON = 1000;

/**
 * Someone on the case team acknowledges the alert, or overrides it with a reason (required). Once only:
 * a decided alert answers `interaction.already_decided`. Nobody is chased for it any more.
 */
export async function decideInteractionAlert(deps: DecideInteractionDeps, me: ClinicianRow, id: string, input: InteractionDecisionInput) {
  const reason = input.kind === 'override' ? (input.reason ?? '').trim() : null;
  if (input.kind === 'override' && !reason) throw new DomainError('interaction.reason_required');
  if (reason && reason.length > MAX_REASON) throw new DomainError('request.invalid');
  const row = await findAlert(deps, id);
  const action = input.kind === 'override' ? AUDIT_ACTIONS.interactionOverridden : AUDIT_ACTIONS.interactionAcknowledged;
  await requireCareTeam(deps, me, row.caseId, id, action);
  const now = deps.clock.now();
  const state = input.kind === 'override' ? 'overridden' : 'acknowledged';
  return deps.transaction(async () => {
    if (!(await deps.repo.decide(id, { state, by: me.id, at: now, reason }))) throw new DomainError('interaction.already_decided');
    await deps.escalation.cancel(id, `interaction_${state}`, now);
    deps.audit.append({ actor: me.id, action, target: id, outcome: 'success', at: now }, { now: true });
    return { id, state, decidedBy: me.id, decidedAt: now };
  });
}
