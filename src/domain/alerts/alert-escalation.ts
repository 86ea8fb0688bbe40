import type { DirectoryRepository } from '../directory/directory-repository.js';
import type { AlertCaseView, AlertGrants, AlertNotices } from './alert-ports.js';
import type { AlertRepository } from './alert-repository.js';

/** The burn-after-reading side the alert's escalation needs: each recipient's state, and letting one more in. */
export interface AlertCopyAccess {
  state(itemId: string, clinicianId: string): Promise<'pending' | 'opened' | 'closed'>;
  /** Makes the clinician a recipient of the live item; null when the item is gone. */
  addRecipient(itemId: string, clinicianId: string): Promise<{ expiresAt: number } | null>;
}

/**
 * How an unread allergy alert is chased, for the one escalation engine (its `EscalationKind`):
 * - the colleagues asked are clinicians of the unread recipient's specialty at the recipient's
 *   institution (never the case's attending, who may be the very person not answering);
 * - each one asked is let in to act: made a recipient of the chat copy, granted this one item, and
 *   sent the alert's card 1:1 (so it is recalled as "burned" with the others);
 * - the raiser hears 1:1, at each escalation, who has not opened it and who was asked.
 */
export function alertEscalationKind(deps: {
  repo: Pick<AlertRepository, 'findByItem' | 'addCards'>;
  directory: Pick<DirectoryRepository, 'findById'>;
  cases: Pick<AlertCaseView, 'caseCode'>;
  copy: AlertCopyAccess;
  grants: AlertGrants;
  notices: Pick<AlertNotices, 'announce'>;
  sameSpecialty: (ctx: { recipientId: string; caseId: string }) => Promise<string[]>;
}) {
  return {
    probe: (itemId: string, recipientId: string) => deps.copy.state(itemId, recipientId),
    colleagues: deps.sameSpecialty,
    tellInitiator: true,
    async admit(n: { itemId: string; caseId: string; colleagueId: string; initiatorId: string | null }): Promise<boolean> {
      const alert = await deps.repo.findByItem(n.itemId);
      const colleague = await deps.directory.findById(n.colleagueId);
      if (!alert || !colleague) return false;
      const added = await deps.copy.addRecipient(n.itemId, colleague.id);
      if (!added) return false;
      const itemIds = [n.itemId, ...(alert.scanItemId ? [alert.scanItemId] : [])];
      if (alert.scanItemId) await deps.copy.addRecipient(alert.scanItemId, colleague.id);
      for (const itemId of itemIds) {
        await deps.grants.grantItem({ itemId, caseId: n.caseId, clinicianIds: [colleague.id], expiresAt: added.expiresAt, grantedBy: alert.raisedBy });
      }
      const cards = await deps.notices.announce(alert, (await deps.cases.caseCode(alert.caseId)) ?? '', { groupId: null, userIds: [colleague.dingtalkUserId] });
      await deps.repo.addCards(alert.id, cards);
      return true;
    },
  };
}
