import type { Call } from './http.js';

/**
 * Robot messages sent through the OpenAPI (reference §4): group send, batch 1:1 send, silent recall
 * and read status. `msgParam` is taken as an object and serialised here, because DingTalk wants a
 * JSON string and callers should not have to remember that.
 */
export interface RobotMessage {
  msgKey: string;
  msgParam: Record<string, unknown>;
}

export interface RecallResult {
  successResult: string[];
  failedResult: Record<string, string>;
}

export interface OtoSendResult {
  processQueryKeys: string[];
  invalidStaffIdList: string[];
  flowControlledStaffIdList: string[];
}

/** Per-call limit for 1:1 receivers and recall keys (reference §4.3, §4.5). */
export const ROBOT_BATCH_LIMIT = 20;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** DingTalk's own doc example spells it `SUCESS`; normalise so callers compare one word. */
function normaliseSendStatus(s: unknown): string | undefined {
  return s === 'SUCESS' ? 'SUCCESS' : typeof s === 'string' ? s : undefined;
}

export function createRobotApi(call: Call, robotCode: string) {
  async function recall(op: string, path: string, keys: string[], extra: Record<string, unknown>) {
    const merged: RecallResult = { successResult: [], failedResult: {} };
    for (const part of chunk(keys, ROBOT_BATCH_LIMIT)) {
      const r = await call<Partial<RecallResult>>({
        op,
        method: 'POST',
        host: 'api',
        path,
        body: { ...extra, robotCode, processQueryKeys: part },
      });
      merged.successResult.push(...(r.successResult ?? []));
      Object.assign(merged.failedResult, r.failedResult ?? {});
    }
    return merged;
  }

  return {
    async sendGroup(input: RobotMessage & { openConversationId: string; coolAppCode?: string }) {
      const r = await call<{ processQueryKey: string }>({
        op: 'robot.groupSend',
        method: 'POST',
        host: 'api',
        path: '/v1.0/robot/groupMessages/send',
        body: {
          robotCode,
          openConversationId: input.openConversationId,
          msgKey: input.msgKey,
          msgParam: JSON.stringify(input.msgParam),
          ...(input.coolAppCode ? { coolAppCode: input.coolAppCode } : {}),
        },
      });
      return { processQueryKey: r.processQueryKey };
    },

    /** Sends in chunks of 20; a failure part-way throws and earlier chunks stay sent. */
    async sendToUsers(input: RobotMessage & { userIds: string[] }): Promise<OtoSendResult> {
      const out: OtoSendResult = { processQueryKeys: [], invalidStaffIdList: [], flowControlledStaffIdList: [] };
      for (const userIds of chunk(input.userIds, ROBOT_BATCH_LIMIT)) {
        const r = await call<Partial<OtoSendResult> & { processQueryKey?: string }>({
          op: 'robot.otoSend',
          method: 'POST',
          host: 'api',
          path: '/v1.0/robot/oToMessages/batchSend',
          body: { robotCode, userIds, msgKey: input.msgKey, msgParam: JSON.stringify(input.msgParam) },
        });
        if (r.processQueryKey) out.processQueryKeys.push(r.processQueryKey);
        out.invalidStaffIdList.push(...(r.invalidStaffIdList ?? []));
        out.flowControlledStaffIdList.push(...(r.flowControlledStaffIdList ?? []));
      }
      return out;
    },

    recallGroup(input: { openConversationId: string; processQueryKeys: string[] }) {
      return recall('robot.groupRecall', '/v1.0/robot/groupMessages/recall', input.processQueryKeys, {
        openConversationId: input.openConversationId,
      });
    },

    /** Note the lower-case `otoMessages` in this path only (reference §4.5). */
    recallOto(input: { processQueryKeys: string[] }) {
      return recall('robot.otoRecall', '/v1.0/robot/otoMessages/batchRecall', input.processQueryKeys, {});
    },

    async readStatusOto(processQueryKey: string) {
      const r = await call<{ sendStatus?: string; messageReadInfoList?: unknown[] }>({
        op: 'robot.otoReadStatus',
        method: 'GET',
        host: 'api',
        path: '/v1.0/robot/oToMessages/readStatus',
        query: { robotCode, processQueryKey },
      });
      const list = (r.messageReadInfoList ?? []) as Array<{ userId?: string; readStatus?: string }>;
      return {
        sendStatus: normaliseSendStatus(r.sendStatus),
        readers: list.map((i) => ({ userId: i.userId ?? '', read: i.readStatus === 'READ' })),
      };
    },

    async readStatusGroup(input: {
      processQueryKey: string;
      openConversationId: string;
      maxResults?: number;
      nextToken?: string;
    }) {
      const r = await call<{ sendStatus?: string; readUserIds?: string[]; hasMore?: boolean; nextToken?: string }>({
        op: 'robot.groupReadStatus',
        method: 'POST',
        host: 'api',
        path: '/v1.0/robot/groupMessages/query',
        body: { robotCode, maxResults: 200, ...input },
      });
      return {
        sendStatus: normaliseSendStatus(r.sendStatus),
        readUserIds: r.readUserIds ?? [],
        hasMore: r.hasMore === true,
        nextToken: r.nextToken || undefined,
      };
    },
  };
}

export type RobotApi = ReturnType<typeof createRobotApi>;
