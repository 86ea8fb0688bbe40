import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DbHandle } from '../../src/db/client.js';
import { createOutboxHandlers, type OutboxIntent } from '../../src/dingtalk/outbox-handlers.js';
import { ManualClock } from '../../src/shared/clock.js';
import { API, mockTokens, testApi } from '../helpers/dingtalk-api.js';
import { outboxFixture } from '../helpers/outbox.js';
import { tempDb } from '../helpers/temp-db.js';

const SEND = '/v1.0/robot/groupMessages/send';

let db: ReturnType<typeof tempDb>;
const extra: DbHandle[] = [];
beforeEach(() => {
  nock.disableNetConnect();
  db = tempDb();
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
  for (const h of extra.splice(0)) h.close();
  db.cleanup();
});

/**
 * A fake group-send endpoint: answers the first `downFor` requests with a mix of 503, 429 and QPS
 * errors, then accepts; records every accepted message's content.
 */
function groupSendEndpoint(downFor: number) {
  const state = { requests: 0, delivered: [] as string[] };
  const failures: Array<[number, object]> = [
    [503, { code: 'system.error' }],
    [429, {}],
    [403, { code: 'Forbidden.AccessDenied.QpsLimitForAppkeyAndApi' }],
  ];
  nock(API)
    .persist()
    .post(SEND)
    .reply((_uri, body) => {
      const n = state.requests++;
      if (n < downFor) return failures[n % failures.length]!;
      const content = JSON.parse((body as { msgParam: string }).msgParam).content as string;
      state.delivered.push(content);
      return [200, { processQueryKey: `pqk-${content}` }];
    });
  return state;
}

function groupIntent(i: number): OutboxIntent & { idemKey: string } {
  return {
    idemKey: `msg-${i}`,
    kind: 'group.send',
    payload: { openConversationId: 'cid1', msgKey: 'sampleText', msgParam: { content: `m${i}` } },
  };
}

function wire(handle: DbHandle, clock: ManualClock) {
  const { api } = testApi({ clock, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 } });
  return outboxFixture<OutboxIntent>(handle, { handlers: createOutboxHandlers(api, { clock }), maxAttempts: 8 }, clock);
}

describe('outbox through the real DingTalk client', () => {
  it('when DingTalk is down then up, then all 20 messages arrive once each', async () => {
    mockTokens(1);
    const endpoint = groupSendEndpoint(55);
    const clock = new ManualClock();
    const { outbox, worker, repo, audit } = wire(db, clock);
    for (let i = 0; i < 20; i++) await outbox.enqueue(groupIntent(i));

    let passes = 0;
    while (((await outbox.counts()).pending ?? 0) > 0 && passes < 12) {
      await worker.drainOnce();
      clock.advance(8000); // the backoff cap: everything failed is due again
      passes++;
    }

    const expected = Array.from({ length: 20 }, (_, i) => `m${i}`);
    expect(passes).toBeGreaterThan(1); // it really was down for a while
    expect([...endpoint.delivered].sort()).toEqual([...expected].sort());
    expect(endpoint.requests).toBe(55 + 20);
    expect(await outbox.counts()).toEqual({ pending: 0, sent: 20, dead: 0, discarded: 0 });
    for (let i = 0; i < 20; i++) {
      const row = (await repo.findByIdemKey(`msg-${i}`))!;
      expect(JSON.parse(row.result!)).toEqual({ processQueryKey: `pqk-m${i}` });
    }
    expect(audit.entries.filter((e) => e.action === 'outbound.send')).toHaveLength(20);

    clock.advance(3_600_000); // nothing is due any more, so nothing is sent again
    await worker.drainOnce();
    expect(endpoint.delivered).toHaveLength(20);
  });

  it('when the database is reopened by a new process, then pending and expired-lease rows are sent, sent rows are not', async () => {
    mockTokens(1);
    const endpoint = groupSendEndpoint(0);
    const clock = new ManualClock();
    const first = wire(db, clock);
    for (let i = 0; i < 6; i++) await first.outbox.enqueue(groupIntent(i));
    // The first process sends one row, leases another and dies before finishing it.
    const sentBefore = (await first.repo.claimDue({ now: clock.now(), afterId: 0, limit: 1, leaseUntil: clock.now() + 300_000 }))[0]!;
    await first.repo.markSent(sentBefore.id, '{"processQueryKey":"old"}', clock.now());
    await first.repo.claimDue({ now: clock.now(), afterId: sentBefore.id, limit: 1, leaseUntil: clock.now() + 300_000 });
    db.close();

    const reopened = openDatabase(`file:${db.path}`);
    extra.push(reopened);
    const second = wire(reopened, clock);
    await second.worker.drainOnce();
    expect(await second.outbox.counts()).toEqual({ pending: 1, sent: 5, dead: 0, discarded: 0 });

    clock.advance(300_000);
    await second.worker.drainOnce();
    expect(await second.outbox.counts()).toEqual({ pending: 0, sent: 6, dead: 0, discarded: 0 });
    expect([...endpoint.delivered].sort()).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect((await second.repo.findById(sentBefore.id))!.result).toBe('{"processQueryKey":"old"}');
  });

  it('when a card intent has no outTrackId, then the idemKey is used so a resend lands on the same card', async () => {
    mockTokens(1);
    const outTrackIds: string[] = [];
    nock(API)
      .post('/v1.0/card/instances/createAndDeliver')
      .times(2)
      .reply((_u, body) => {
        outTrackIds.push((body as { outTrackId: string }).outTrackId);
        return outTrackIds.length === 1 ? [504, {}] : [200, { success: true, result: { deliverResults: [] } }];
      });
    const clock = new ManualClock();
    const { outbox, worker } = wire(db, clock);
    await outbox.enqueue({
      idemKey: 'card:C-7KQ2M:1',
      kind: 'card.deliver',
      payload: { cardTemplateId: 'tpl', target: { type: 'group', openConversationId: 'cid1' }, cardParamMap: { title: 'x' } },
    });
    await worker.drainOnce();
    expect(outTrackIds).toEqual(['card:C-7KQ2M:1', 'card:C-7KQ2M:1']);
    expect(await outbox.counts()).toEqual({ pending: 0, sent: 1, dead: 0, discarded: 0 });
  });
});
