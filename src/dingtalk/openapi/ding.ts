import type { Call } from './http.js';

/**
 * Robot DING ("DING 一下"): an insistent alert that reaches the user in the app, by SMS or by a
 * phone call. UNCONFIRMED: the path `POST /v1.0/robot/ding/send`, the body
 * `{robotCode, remindType, receiverUserIdList, content}` and the `{openDingId}` answer follow the
 * brief, not a verified reading of DingTalk's documentation; check before relying on it in production.
 * `content` reaches a phone's lock screen or an SMS, so callers send content-free text only (the
 * PHI guard in `call()` checks it again).
 */
export const DING_REMIND_TYPE = { app: 1, sms: 2, phone: 3 } as const;
export type DingRemindType = keyof typeof DING_REMIND_TYPE;

export interface DingInput {
  userIds: string[];
  content: string;
  remindType: DingRemindType;
}

export function createDingApi(call: Call, robotCode: string) {
  return {
    async sendDing(input: DingInput): Promise<{ openDingId: string }> {
      const r = await call<{ openDingId?: string }>({
        op: 'robot.dingSend',
        method: 'POST',
        host: 'api',
        path: '/v1.0/robot/ding/send',
        body: {
          robotCode,
          remindType: DING_REMIND_TYPE[input.remindType],
          receiverUserIdList: input.userIds,
          content: input.content,
        },
      });
      return { openDingId: r.openDingId ?? '' };
    },
  };
}

export type DingApi = ReturnType<typeof createDingApi>;
