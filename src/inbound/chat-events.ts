import type { CaseModule } from '../domain/cases/case-module.js';
import type { DirectoryRepository } from '../domain/directory/directory-repository.js';
import type { Offboarding } from '../domain/directory/offboarding.js';
import type { Logger } from '../shared/logger.js';

const LEFT = new Set(['chat_remove_member', 'chat_quit']);
/** Address book: a member left the organisation (通讯录用户离职). Data: `{ userId: string[], timeStamp }`. */
export const USER_LEAVE_ORG = 'user_leave_org';

const userIdsOf = (data: Record<string, unknown>, ...keys: string[]): string[] => {
  const raw = keys.map((k) => data[k]).find((v) => v !== undefined);
  return (Array.isArray(raw) ? raw : [raw]).filter((u): u is string => typeof u === 'string' && u.length > 0 && u.length <= 64);
};

/**
 * DingTalk group and address-book events. Joining a group grants nothing; leaving one (removed, or
 * quit) ends the care-team roles that were bound through that group. Leaving the organisation ends
 * verification, every role, grant and login at once.
 */
export function createChatEventHandler(deps: {
  cases: CaseModule;
  offboarding: Pick<Offboarding, 'leave'>;
  directoryRepo: Pick<DirectoryRepository, 'findByDingTalkId'>;
  logger: Logger;
}) {
  return async (eventType: string, data: Record<string, unknown>): Promise<void> => {
    if (eventType === USER_LEAVE_ORG) {
      const userIds = userIdsOf(data, 'userId', 'UserId');
      for (const u of userIds) {
        const c = await deps.directoryRepo.findByDingTalkId(u);
        if (!c) continue; // never enrolled: nothing to end
        const out = await deps.offboarding.leave(c.id, 'dingtalk', 'dingtalk_left');
        deps.logger.info({ code: 'directory.left_org', rolesEnded: out.rolesEnded, grantsRevoked: out.grantsRevoked }, 'clinician left the organisation');
      }
      if (userIds.length === 0) deps.logger.warn({ code: 'event.incomplete', eventType }, 'leave event without users');
      return;
    }
    if (!LEFT.has(eventType)) return;
    const conversationId = typeof data.openConversationId === 'string' ? data.openConversationId : undefined;
    const userIds = userIdsOf(data, 'userId', 'userIds', 'operator');
    if (!conversationId || userIds.length === 0) {
      deps.logger.warn({ code: 'event.incomplete', eventType }, 'group event without group or users');
      return;
    }
    const ended = await deps.cases.team.onMembersLeftGroup(conversationId, userIds);
    deps.logger.info({ code: 'team.left_group', ended }, 'group members left');
  };
}
