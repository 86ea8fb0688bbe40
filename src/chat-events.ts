import type { CaseModule } from './domain/cases/case-module.js';
import type { Logger } from './shared/logger.js';

const LEFT = new Set(['chat_remove_member', 'chat_quit']);

/**
 * DingTalk group events. Joining a group grants nothing; leaving one (removed, or quit) ends the
 * care-team roles that were bound through that group.
 */
export function createChatEventHandler(deps: { cases: CaseModule; logger: Logger }) {
  return (eventType: string, data: Record<string, unknown>): void => {
    if (!LEFT.has(eventType)) return;
    const conversationId = typeof data.openConversationId === 'string' ? data.openConversationId : undefined;
    const raw = data.userId ?? data.userIds ?? data.operator;
    const userIds = (Array.isArray(raw) ? raw : [raw]).filter((u): u is string => typeof u === 'string');
    if (!conversationId || userIds.length === 0) {
      deps.logger.warn({ code: 'event.incomplete', eventType }, 'group event without group or users');
      return;
    }
    const ended = deps.cases.team.onMembersLeftGroup(conversationId, userIds);
    deps.logger.info({ code: 'team.left_group', ended }, 'group members left');
  };
}
