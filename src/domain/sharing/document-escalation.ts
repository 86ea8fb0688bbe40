import type { Clock } from '../../shared/clock.js';
import type { ColleagueFinder } from '../escalation/escalation-chain.js';
import type { EscalationKind, ItemProbe } from '../escalation/escalation-port.js';
import type { GrantService } from '../grants/grant-service.js';
import type { DocumentRepository } from './document-repository.js';

/** A shared document's side: opened when the recipient has a first-open receipt, closed once destroyed. */
export function documentProbe(documents: Pick<DocumentRepository, 'find' | 'receiptsForCase'>): ItemProbe {
  return async (documentId, recipientId) => {
    const doc = await documents.find(documentId);
    if (!doc || doc.status !== 'active') return 'closed';
    const receipt = (await documents.receiptsForCase(doc.caseId)).find((r) => r.documentId === documentId && r.clinicianId === recipientId);
    return receipt?.firstOpenedAt != null ? 'opened' : 'pending';
  };
}

/**
 * How an unread urgent document is chased, for the one escalation engine — as an allergy alert is
 * (alert-escalation.ts), so that whoever is asked can act:
 * - the colleagues asked are clinicians of the unread recipient's specialty at the recipient's
 *   institution (never the case's attending, who may be the very person not answering, nor the sharer);
 * - each one asked is let in: granted this one document for `grantTtlMs` (the notice carries its
 *   [Open] link), so nobody has to `request` access from the attending who is not answering;
 * - the sharer hears 1:1, at each escalation, who has not opened it and who was asked.
 * The policy still decides at open (consent, trust); the grant only stands in for an approval.
 */
export function documentEscalationKind(deps: {
  documents: Pick<DocumentRepository, 'find' | 'receiptsForCase'>;
  grants: Pick<GrantService, 'createItemGrant'>;
  sameSpecialty: ColleagueFinder;
  grantTtlMs: number;
  clock: Clock;
}): EscalationKind {
  return {
    probe: documentProbe(deps.documents),
    colleagues: deps.sameSpecialty,
    tellInitiator: true,
    async admit(n) {
      const doc = await deps.documents.find(n.itemId);
      if (!doc || doc.status !== 'active') return false;
      const now = deps.clock.now();
      await deps.grants.createItemGrant({
        documentId: doc.id,
        caseId: doc.caseId,
        clinicianId: n.colleagueId,
        grantedBy: n.initiatorId ?? 'system',
        expiresAt: now + deps.grantTtlMs,
        reason: 'urgent_escalation',
        now,
      });
      return true;
    },
  };
}
