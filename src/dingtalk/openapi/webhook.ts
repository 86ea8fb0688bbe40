import { DingTalkApiError } from './errors.js';
import type { Call } from './http.js';

/**
 * Replies through a callback's `sessionWebhook` (reference §4.1): no token, errcode-style answers.
 * The URL arrives inside an inbound frame, so it is only followed to an allowed origin (by default
 * the oapi host) — the client must not become a way to POST to arbitrary hosts.
 */
export interface WebhookBody {
  msgtype: string;
  [key: string]: unknown;
}

export function createWebhookApi(call: Call, allowedOrigins: readonly string[]) {
  const allowed = new Set(allowedOrigins.map((o) => new URL(o).origin));
  return {
    async replyBySessionWebhook(url: string, body: WebhookBody): Promise<{ ok: true }> {
      let origin: string | null = null;
      try {
        origin = new URL(url).origin;
      } catch {
        origin = null;
      }
      if (!origin || !allowed.has(origin)) {
        throw new DingTalkApiError({ code: 'webhook.origin_not_allowed', kind: 'response', retryable: false });
      }
      await call({ op: 'webhook.reply', method: 'POST', host: 'url', path: url, body });
      return { ok: true };
    },
  };
}

export type WebhookApi = ReturnType<typeof createWebhookApi>;
