import type { Clock } from '../../shared/clock.js';
import type { Transaction } from '../../shared/transactions.js';
import type { Logger } from '../../shared/logger.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { DirectoryRepository } from '../directory/directory-repository.js';
import type { AlertCaseView, AlertChatCopy, AlertEscalation, AlertNotices } from './alert-ports.js';
import type { AlertRepository, AllergyAlertRow } from './alert-repository.js';

/** An alert is never held back longer than this for its group: after it, the cards go 1:1. */
export const DEFAULT_GROUP_WAIT_MS = 30_000;
/** A raise that never sealed its chat copy (crash mid-way) is given up after this. */
const STALE_NEW_MS = 10 * 60_000;

const ids = (json: string): string[] => JSON.parse(json) as string[];

/**
 * The alert's follow-up steps, run by a ticker (deadlines and states live in the table, so a restart
 * simply picks up where it stopped). Each step is one transaction with the outbox intents it causes:
 * - deliver: once the scene.create intent was sent (its result names the group), the card goes to the
 *   group and 1:1 to the others; if the intent died, or the group is not there after `groupWaitMs`,
 *   every recipient gets it 1:1 — an allergy alert must not wait on a group. Then unread escalation;
 * - burned: when the chat copy is destroyed, the cards say so and escalation stops (the EHR record is untouched);
 * - archive: at `archiveAt` the temporary group is closed (members removed; see alert-notices.ts).
 */
export function createAlertDispatch(deps: {
  transaction: Transaction;
  repo: AlertRepository;
  directory: Pick<DirectoryRepository, 'findById'>;
  cases: Pick<AlertCaseView, 'caseCode'>;
  chat: Pick<AlertChatCopy, 'isGone'>;
  notices: AlertNotices;
  escalation: AlertEscalation;
  audit: AuditSink;
  clock: Clock;
  logger: Logger;
  groupWaitMs?: number;
}) {
  const { repo, notices, audit } = deps;
  const groupWaitMs = deps.groupWaitMs ?? DEFAULT_GROUP_WAIT_MS;
  const codeOf = (row: AllergyAlertRow) => deps.cases.caseCode(row.caseId) ?? '';
  const userIdsOf = (clinicianIds: string[]) => clinicianIds.flatMap((id) => deps.directory.findById(id)?.dingtalkUserId ?? []);

  async function deliver(row: AllergyAlertRow, now: number): Promise<string> {
    const group = await notices.groupState(row.id);
    if (group.state === 'pending' && now - row.createdAt < groupWaitMs) return 'waiting';
    const groupId = group.state === 'made' ? group.openConversationId : null;
    const recipients = ids(row.recipientIds);
    const oneToOne = groupId ? ids(row.directIds) : recipients;
    return deps.transaction(async () => {
      if (!(await repo.advance(row.id, 'group_pending', { status: 'sent', sceneGroupId: groupId, sentAt: now }))) return 'skipped';
      const cards = await notices.announce(row, codeOf(row), { groupId, userIds: userIdsOf(oneToOne) });
      await repo.advance(row.id, 'sent', { cardIds: JSON.stringify(cards) });
      await deps.escalation.track({ itemType: 'alert', itemId: row.ephemeralItemId!, caseId: row.caseId, recipients, urgent: true, initiatorId: row.raisedBy });
      audit.append({ actor: 'system', action: AUDIT_ACTIONS.alertDelivered, target: row.id, outcome: 'success', reason: groupId ? 'group' : 'direct', at: now });
      return groupId ? 'delivered' : 'delivered_direct';
    });
  }

  async function noteBurned(row: AllergyAlertRow, now: number): Promise<string> {
    // The scan burns on its own countdown; the cards say "burned" once both are gone.
    if (!(await deps.chat.isGone(row.ephemeralItemId!)) || (row.scanItemId && !(await deps.chat.isGone(row.scanItemId)))) return 'live';
    await deps.transaction(async () => {
      if (!(await repo.markBurnNoted(row.id, now))) return;
      await notices.burned(row, codeOf(row), ids(row.cardIds));
      await deps.escalation.cancel(row.ephemeralItemId!, 'item_closed');
    });
    return 'burn_noted';
  }

  async function archive(row: AllergyAlertRow, now: number): Promise<string> {
    // A group made after the alert went 1:1 (slow DingTalk) is closed all the same.
    const late = row.sceneGroupId ? undefined : await notices.groupState(row.id);
    const groupId = row.sceneGroupId ?? (late?.state === 'made' ? late.openConversationId : null);
    const remove = ids(row.memberUserIds).slice(1); // the owner (the raiser) cannot be removed
    return deps.transaction(async () => {
      if (!(await repo.advance(row.id, 'sent', { status: 'archived', archivedAt: now, sceneGroupId: groupId }))) return 'skipped';
      if (groupId) await notices.archive(row, codeOf(row), groupId, remove);
      audit.append({ actor: 'system', action: AUDIT_ACTIONS.alertArchived, target: row.id, outcome: 'success', reason: groupId ? 'group' : 'no_group', at: now });
      return 'archived';
    });
  }

  async function each(rows: AllergyAlertRow[], step: (r: AllergyAlertRow) => Promise<string>, counts: Record<string, number>): Promise<void> {
    for (const row of rows) {
      try {
        const outcome = await step(row);
        counts[outcome] = (counts[outcome] ?? 0) + 1;
      } catch (err) {
        // Ids and a code only: the error of a PHI-guard refusal names no value.
        deps.logger.error({ code: 'alert.step_failed', alertId: row.id, err: (err as Error).message }, 'allergy alert step failed');
        counts.failed = (counts.failed ?? 0) + 1;
      }
    }
  }

  return {
    /** One pass over every due step; returns counts by outcome. */
    async runDue(now = deps.clock.now()): Promise<Record<string, number>> {
      const counts: Record<string, number> = {};
      await each(await repo.withStatus('new', now - STALE_NEW_MS), async (r) => ((await repo.advance(r.id, 'new', { status: 'failed' })) ? 'stale_failed' : 'skipped'), counts);
      await each(await repo.withStatus('group_pending'), (r) => deliver(r, now), counts);
      await each(await repo.cardsNotMarkedBurned(), (r) => noteBurned(r, now), counts);
      await each(await repo.dueForArchive(now), (r) => archive(r, now), counts);
      return counts;
    },
  };
}

export type AlertDispatch = ReturnType<typeof createAlertDispatch>;
