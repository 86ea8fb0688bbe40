import { describe, expect, it } from 'vitest';
import { deliverReply, type ReplyApi } from '../../src/dingtalk/reply-delivery.js';
import { ManualClock } from '../../src/shared/clock.js';

function recordingApi() {
  const calls: Array<{ via: string; arg: unknown }> = [];
  const api: ReplyApi = {
    replyBySessionWebhook: async (url, body) => calls.push({ via: 'webhook', arg: { url, body } }),
    sendGroup: async (p) => calls.push({ via: 'group', arg: p }),
    sendToUsers: async (p) => calls.push({ via: 'oto', arg: p }),
  };
  return { api, calls };
}

describe('reply delivery', () => {
  const message = { title: 'T', text: 'hello' };
  it('uses the session webhook while it is valid', async () => {
    const clock = new ManualClock(1_000_000);
    const { api, calls } = recordingApi();
    await deliverReply(api, clock)({ conversationType: 'group', conversationId: 'cid', webhook: 'http://w', webhookExpiresAt: 1_000_000 + 60_000, message });
    expect(calls).toEqual([{ via: 'webhook', arg: { url: 'http://w', body: { msgtype: 'markdown', markdown: message } } }]);
  });
  it('falls back to the group API once the webhook has (nearly) expired', async () => {
    const clock = new ManualClock(1_000_000);
    const { api, calls } = recordingApi();
    await deliverReply(api, clock)({ conversationType: 'group', conversationId: 'cid', webhook: 'http://w', webhookExpiresAt: 1_000_000 + 5_000, message });
    expect(calls).toEqual([{ via: 'group', arg: { openConversationId: 'cid', msgKey: 'sampleMarkdown', msgParam: message } }]);
  });
  it('sends 1:1 replies through batchSend when there is no webhook', async () => {
    const { api, calls } = recordingApi();
    await deliverReply(api, new ManualClock())({ conversationType: 'direct', userId: 'u1', message });
    expect(calls).toEqual([{ via: 'oto', arg: { userIds: ['u1'], msgKey: 'sampleMarkdown', msgParam: message } }]);
  });
});
