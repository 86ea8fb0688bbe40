import type { OutboxIntent } from '../dingtalk/outbox-handlers.js';
import type { AlertNotices, GroupState } from '../domain/alerts/alert-ports.js';
import type { AllergyAlertRow } from '../domain/alerts/alert-repository.js';
import type { DirectoryRepository } from '../domain/directory/directory-repository.js';
import type { OutboxRepository } from '../domain/outbox/outbox-repository.js';
import type { OutboxService } from '../domain/outbox/outbox-service.js';
import { formatBurnDuration } from '../domain/burn/burn-duration.js';
import { BURN_OPEN_ACTION } from './burn-notices.js';
import type { CardButton, Notifier } from './outbound.js';

const groupKey = (alertId: string) => `alert:${alertId}:group`;

/**
 * The DingTalk face of allergy alerts, over the outbox. The scene group's `uuid` is its intent's
 * idemKey, so a resend lands on the same group; the group's id is read back from the sent intent's
 * stored result. DingTalk has no "dissolve" for scene groups in our reference, so archiving posts a
 * closing line and removes every member but the owner (the raiser), leaving an empty, silent group.
 * The template's robot (DINGTALK_SCENE_GROUP_TEMPLATE_ID) is put into each group by DingTalk.
 */
export function createAlertNotices(deps: {
  notify: Notifier;
  outbox: OutboxService<OutboxIntent>;
  outboxRepo: Pick<OutboxRepository, 'findByIdemKey'>;
  directoryRepo: DirectoryRepository;
  sceneGroupTemplateId: string;
  burnAfterMs: number;
}): AlertNotices {
  const after = formatBurnDuration(deps.burnAfterMs);
  /** "Dr HO Wing-yee · Accident & Emergency · QMH": name, department, institution code; nothing about the patient. */
  async function raiserLine(alert: AllergyAlertRow): Promise<string> {
    const c = await deps.directoryRepo.findById(alert.raisedBy);
    const inst = c?.institutionId ? await deps.directoryRepo.institution(c.institutionId) : undefined;
    return [c?.nameEn ?? c?.displayName ?? '', c?.department, inst?.code].filter(Boolean).join(' · ');
  }

  return {
    async createGroup(alert, group) {
      const idemKey = groupKey(alert.id);
      await deps.outbox.enqueue({
        idemKey,
        kind: 'scene.create',
        payload: { title: group.title, templateId: deps.sceneGroupTemplateId, ownerUserId: group.ownerUserId, userIds: group.userIds, uuid: idemKey, managementOptions: { searchable: 0 } },
      });
    },

    async groupState(alertId): Promise<GroupState> {
      const row = await deps.outboxRepo.findByIdemKey(groupKey(alertId));
      if (!row || row.status === 'pending') return { state: 'pending' };
      if (row.status !== 'sent') return { state: 'failed' };
      const id = (JSON.parse(row.result ?? 'null') as { openConversationId?: string } | null)?.openConversationId;
      return id ? { state: 'made', openConversationId: id } : { state: 'failed' };
    },

    async announce(alert, caseCode, to) {
      // Both languages: a group (and its members) may read either.
      const title = `🚨 Allergy alert for ${caseCode} from ${await raiserLine(alert)} · 過敏警示`;
      const scan = alert.scanItemId ? ' · scan attached 附掃描檔' : '';
      const text = `Urgent · burns ${after} after you open it · also recorded in the health record${scan} · 緊急過敏警示，開啟後 ${after} 銷毀`;
      const buttons: CardButton[] = [
        { label: 'Open 開啟', action: BURN_OPEN_ACTION, params: { itemId: alert.ephemeralItemId! }, opens: { screen: 'burn', id: alert.ephemeralItemId! } },
        ...(alert.scanItemId ? [{ label: 'Scan 掃描檔', action: BURN_OPEN_ACTION, params: { itemId: alert.scanItemId }, opens: { screen: 'burn' as const, id: alert.scanItemId } }] : []),
      ];
      const cards: string[] = [];
      if (to.groupId) {
        const id = `alert:${alert.id}:${to.groupId}`;
        await deps.notify.cardToGroup(id, to.groupId, title, text, buttons);
        cards.push(id);
      }
      for (const userId of to.userIds) {
        const id = `alert:${alert.id}:${userId}`;
        await deps.notify.cardToUser(id, userId, title, text, buttons);
        cards.push(id);
      }
      return cards;
    },

    async burned(alert, caseCode, cardIds) {
      const title = `🚨 Allergy alert for ${caseCode} has burned · kept in the health record · 過敏警示已銷毀`;
      for (const outTrackId of cardIds) {
        await deps.notify.updateCard(`burned:${outTrackId}`, outTrackId, title, '此警示已銷毀；過敏紀錄保留於健康紀錄。', []);
      }
    },

    async archive(alert, caseCode, groupId, removeUserIds) {
      await deps.notify.toGroup(
        `alert:${alert.id}:archived`,
        groupId,
        `Allergy alert · ${caseCode} · archived`,
        'This temporary alert group is now archived. The allergy stays in the health record. 此臨時警示群組已封存，過敏紀錄保留於健康紀錄。',
      );
      if (removeUserIds.length) await deps.outbox.enqueue({ idemKey: `alert:${alert.id}:archive`, kind: 'scene.remove_members', payload: { openConversationId: groupId, userIds: removeUserIds } });
    },
  };
}
