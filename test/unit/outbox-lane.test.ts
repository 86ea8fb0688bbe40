import { describe, expect, it } from 'vitest';
import { laneOf, laneOfPayload } from '../../src/domain/outbox/outbox-lane.js';

describe('outbox lanes (one conversation in order; stored per row on PostgreSQL)', () => {
  it('a reply session, then the conversation, then the receivers, then the card', () => {
    expect(laneOfPayload(JSON.stringify({ webhook: 'https://x/session', openConversationId: 'cid' }))).toBe('https://x/session');
    expect(laneOfPayload(JSON.stringify({ openConversationId: 'cid', userId: 'u1' }))).toBe('cid');
    expect(laneOfPayload(JSON.stringify({ userIds: ['u1', 'u2'] }))).toBe('u1,u2');
    expect(laneOfPayload(JSON.stringify({ outTrackId: 'alert-7', cardData: {} }))).toBe('card:alert-7');
  });

  it('a payload that names none, or is not JSON, is a lane of its own', () => {
    expect(laneOfPayload('{"msgKey":"sampleText"}')).toBeNull();
    expect(laneOfPayload('not json')).toBeNull();
    expect(laneOf({ id: 42, payload: 'not json' })).toBe('row:42');
    expect(laneOf({ id: 43, payload: '{"userId":"u9"}' })).toBe('u9');
  });
});
