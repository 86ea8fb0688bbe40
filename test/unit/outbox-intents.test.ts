import { describe, expect, it } from 'vitest';
import { otoSendIntents, validateOutboxIntent } from '../../src/dingtalk/outbox-handlers.js';
import { backoffDelay } from '../../src/shared/backoff.js';

describe('otoSendIntents', () => {
  it('when 41 receivers are given, then three intents of 20/20/1 with derived keys are made', () => {
    const userIds = Array.from({ length: 41 }, (_, i) => `u${i}`);
    const intents = otoSendIntents('notify:C-7KQ2M', { userIds, msgKey: 'sampleText', msgParam: { content: 'x' } });
    expect(intents.map((i) => [i.idemKey, i.payload.userIds.length])).toEqual([
      ['notify:C-7KQ2M#0', 20],
      ['notify:C-7KQ2M#1', 20],
      ['notify:C-7KQ2M#2', 1],
    ]);
    expect(intents.flatMap((i) => i.payload.userIds)).toEqual(userIds);
    expect(intents.every((i) => i.kind === 'oto.send' && i.payload.msgKey === 'sampleText')).toBe(true);
  });
});

describe('validateOutboxIntent', () => {
  it('refuses an HKID nested in a payload and passes a clean one', () => {
    expect(() => validateOutboxIntent({ payload: { msgParam: { text: 'id: A123456(3)' } } })).toThrow(
      expect.objectContaining({ code: 'phi.blocked' }),
    );
    expect(() => validateOutboxIntent({ payload: { msgParam: { text: 'case C-7KQ2M' } } })).not.toThrow();
  });
});

describe('backoffDelay', () => {
  it('doubles from base up to the cap, with jitter only in the upper half', () => {
    const p = { baseMs: 1000, maxMs: 8000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, p, () => 1))).toEqual([1000, 2000, 4000, 8000, 8000]);
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, p, () => 0))).toEqual([500, 1000, 2000, 4000, 4000]);
  });
});
