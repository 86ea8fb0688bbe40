import type { Call } from './http.js';

/**
 * Scene groups (reference §7.1–7.2). These v1.0 endpoints take a snake_case body, unlike the rest
 * of the v1.0 API. `uuid` makes creation idempotent on DingTalk's side, so a resend after a crash
 * does not create a second group.
 */
export interface CreateSceneGroupInput {
  title: string;
  templateId: string;
  ownerUserId: string;
  userIds: string[];
  uuid: string;
  subadminIds?: string[];
  /** DingTalk's 0/1 management flags, passed through (e.g. `{ searchable: 0 }`). */
  managementOptions?: Record<string, 0 | 1>;
}

export interface SceneGroupMembersInput {
  openConversationId: string;
  userIds: string[];
}

export function createSceneGroupApi(call: Call) {
  function members(op: string, path: string, input: SceneGroupMembersInput) {
    return call<{ success?: boolean }>({
      op,
      method: 'POST',
      host: 'api',
      path,
      body: { open_conversation_id: input.openConversationId, user_ids: input.userIds },
    }).then((r) => ({ success: r.success !== false }));
  }

  return {
    async createSceneGroup(input: CreateSceneGroupInput) {
      const r = await call<{ open_conversation_id?: string; chat_id?: string }>({
        op: 'sceneGroup.create',
        method: 'POST',
        host: 'api',
        path: '/v1.0/im/sceneGroup/create',
        body: {
          title: input.title,
          template_id: input.templateId,
          owner_user_id: input.ownerUserId,
          user_ids: input.userIds,
          uuid: input.uuid,
          subadmin_ids: input.subadminIds,
          management_options: input.managementOptions,
        },
      });
      return { openConversationId: r.open_conversation_id ?? '', chatId: r.chat_id ?? '' };
    },
    addSceneGroupMembers: (input: SceneGroupMembersInput) =>
      members('sceneGroup.addMembers', '/v1.0/im/sceneGroup/member/add', input),
    removeSceneGroupMembers: (input: SceneGroupMembersInput) =>
      members('sceneGroup.removeMembers', '/v1.0/im/sceneGroup/member/delete', input),
  };
}

export type SceneGroupApi = ReturnType<typeof createSceneGroupApi>;
