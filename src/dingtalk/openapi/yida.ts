import { DingTalkApiError } from './errors.js';
import type { Call } from './http.js';

/**
 * Yida (宜搭) form data: `GET /v1.0/yida/forms/instances/{id}` with query `appType`, `systemToken`,
 * `userId`, `language` — the path, method and query as in DingTalk's generated client (`yida_1.0`
 * GetFormDataByID, @alicloud/dingtalk). The answer's `formData` maps component ids to values; we read
 * `formData`, `formInstId`/`formUuid` when present and keep nothing else. The answer holds patient
 * data: callers seal it and never log it. Permission: `Yida.Form.Read` (README "Yida form archive").
 */
export interface YidaFormInstance {
  formInstanceId: string;
  /** Component id → value, as DingTalk sends it (strings, numbers, arrays of labels, …). */
  formData: Record<string, unknown>;
}

export interface YidaFormQuery {
  instanceId: string;
  appType: string;
  systemToken: string;
  userId: string;
}

export function createYidaApi(call: Call) {
  return {
    async getFormInstance(q: YidaFormQuery): Promise<YidaFormInstance> {
      const r = await call<{ formInstId?: unknown; formData?: unknown }>({
        op: 'yida.getFormDataById',
        method: 'GET',
        host: 'api',
        path: `/v1.0/yida/forms/instances/${encodeURIComponent(q.instanceId)}`,
        query: { appType: q.appType, systemToken: q.systemToken, userId: q.userId, language: 'zh_CN' },
      });
      if (typeof r !== 'object' || r === null || typeof r.formData !== 'object' || r.formData === null || Array.isArray(r.formData)) {
        throw new DingTalkApiError({ code: 'yida.malformed', kind: 'response', retryable: false });
      }
      return { formInstanceId: typeof r.formInstId === 'string' ? r.formInstId : q.instanceId, formData: r.formData as Record<string, unknown> };
    },
  };
}

export type YidaApi = ReturnType<typeof createYidaApi>;
