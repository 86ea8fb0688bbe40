import type { EscalationKind } from '../escalation/escalation-port.js';
import type { InteractionRepository } from './interaction-repository.js';

/**
 * How an unread interaction alert is chased on the one escalation engine: `closed` once acknowledged or
 * overridden (nobody needs chasing), `opened` once the recipient has looked at its details. Colleagues
 * asked are told (the configured chain); they open it through the case, as its care team.
 */
export function interactionEscalationKind(repo: Pick<InteractionRepository, 'find' | 'recipients'>): EscalationKind {
  return {
    async probe(alertId, recipientId) {
      const alert = await repo.find(alertId);
      if (!alert || alert.state !== 'open') return 'closed';
      const me = (await repo.recipients(alertId)).find((r) => r.clinicianId === recipientId);
      return me?.readAt != null ? 'opened' : 'pending';
    },
  };
}
