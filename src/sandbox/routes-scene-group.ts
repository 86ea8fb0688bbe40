/**
 * Scene groups (§7.1–7.2): the current v1.0 APIs, which take **snake_case** bodies.
 */
import { asRecord, isNonEmptyString, isStringArray, ok, v1Error, type Reply, type RouteCtx } from './sim-http.js';
import type { Route, SimState } from './sim-state.js';
import type { SceneGroupChange } from './sim-types.js';

const TITLE_MAX = 30;
const GROUP_MAX = 1000;

const create: Route = {
  method: 'POST',
  path: '/v1.0/im/sceneGroup/create',
  auth: 'v1',
  handle(ctx, s): Reply {
    const b = asRecord(ctx.body);
    const bad = (msg: string): Reply => v1Error(400, 'parameter.invalid', msg);
    if (!isNonEmptyString(b.title) || [...b.title].length > TITLE_MAX) return bad('title is invalid');
    if (!isNonEmptyString(b.template_id)) return bad('template_id is empty');
    if (!isNonEmptyString(b.owner_user_id) || !s.org.users.has(b.owner_user_id)) return bad('owner_user_id is invalid');
    const userIds = b.user_ids === undefined ? [] : b.user_ids;
    if (!isStringArray(userIds) || userIds.some((id) => !s.org.users.has(id))) return bad('user_ids is invalid');
    const uuid = isNonEmptyString(b.uuid) ? b.uuid : undefined;
    const existing = uuid ? s.org.groups.get(s.sceneGroupUuids.get(uuid) ?? '') : undefined;
    const group =
      existing ??
      s.org.addGroup({ title: b.title, ownerId: b.owner_user_id, memberIds: [b.owner_user_id, ...userIds] });
    if (uuid) s.sceneGroupUuids.set(uuid, group.openConversationId);
    if (!existing) s.events.record('sceneGroup', { group, ...(uuid ? { uuid } : {}) } satisfies SceneGroupChange);
    return ok({ open_conversation_id: group.openConversationId, chat_id: group.chatId });
  },
};

function changeMembers(ctx: RouteCtx, s: SimState, add: boolean): Reply {
  const b = asRecord(ctx.body);
  const group = isNonEmptyString(b.open_conversation_id) ? s.org.groups.get(b.open_conversation_id) : undefined;
  if (!group) return v1Error(400, 'parameter.invalid', 'open_conversation_id is invalid');
  if (!isStringArray(b.user_ids) || b.user_ids.length === 0 || b.user_ids.some((id) => !s.org.users.has(id))) {
    return v1Error(400, 'parameter.invalid', 'user_ids is invalid');
  }
  if (add && new Set([...group.memberIds, ...b.user_ids]).size > GROUP_MAX) {
    return v1Error(400, 'parameter.invalid', 'group is full');
  }
  for (const id of b.user_ids) {
    if (add) s.org.addMember(group.openConversationId, id);
    else s.org.removeMember(group.openConversationId, id);
  }
  s.events.record('sceneGroup', { group } satisfies SceneGroupChange);
  return ok({ success: true });
}

const memberAdd: Route = {
  method: 'POST',
  path: '/v1.0/im/sceneGroup/member/add',
  auth: 'v1',
  handle: (ctx, s) => changeMembers(ctx, s, true),
};

const memberDelete: Route = {
  method: 'POST',
  path: '/v1.0/im/sceneGroup/member/delete',
  auth: 'v1',
  handle: (ctx, s) => changeMembers(ctx, s, false),
};

export const sceneGroupRoutes: Route[] = [create, memberAdd, memberDelete];
