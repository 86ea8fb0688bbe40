import { describe, expect, it } from 'vitest';
import type { CardAction, CardResponse } from '../../src/dingtalk/inbound.js';
import { createPgInboxRepository } from '../../src/domain/inbox/inbox-repository-pg.js';
import type { InboxRepository } from '../../src/domain/inbox/inbox-repository.js';
import { CARD_TOPIC, createCardInbox } from '../../src/inbound/inbound-cards.js';
import { createInboxClaims } from '../../src/inbound/inbox-claims.js';
import { systemClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/logger.js';
import { eventually } from '../helpers/eventually.js';
import { usePgInstances } from '../helpers/pg-instances.js';
import { pgAvailable } from '../helpers/pg-test-db.js';

const LEASE_MS = 1000;
const plainCipher = { seal: async (_id: string, _topic: string, body: string) => body, open: async (_id: string, _topic: string, s: string) => s };

/** One instance's card side: its presses and the answers it had to send by the outbox are recorded. */
function cardInstance(inbox: InboxRepository, instanceId: string) {
  const pressed: string[] = [];
  const answered: Array<{ callbackId: string; response: CardResponse }> = [];
  const claims = createInboxClaims({ inbox, cipher: plainCipher, audit: { append: () => 0 }, clock: systemClock, logger: silentLogger, instanceId, leaseMs: LEASE_MS });
  const cards = createCardInbox({
    claims,
    inbox,
    audit: { append: () => 0 },
    clock: systemClock,
    logger: silentLogger,
    press: async (a) => {
      pressed.push(a.callbackId);
      return { userPrivateData: { cardParamMap: { status: `approved on ${instanceId}` } } };
    },
    answerLater: async (a, response) => void answered.push({ callbackId: a.callbackId, response }),
  });
  return { claims, cards, pressed, answered };
}

const press = (callbackId: string): CardAction => ({ callbackId, outTrackId: 'req:r1:0:u1', userId: 'u-chan', params: { action: 'decide', decision: 'approve' } });

/** Issue 11, card presses in a cluster: a press is claimed with the same lease and takeover as inbound messages. */
describe.skipIf(!pgAvailable())('card-press claims across two instances [postgres]', () => {
  const instances = usePgInstances(2, 'card_lease');
  const repos = (): [InboxRepository, InboxRepository] => {
    const [a, b] = instances.stores();
    return [createPgInboxRepository(a!), createPgInboxRepository(b!)];
  };

  it("a press held by a killed instance is taken over after the lease by the other's sweep, and its answer goes by the outbox", async () => {
    const [ra, rb] = repos();
    // Killed mid-press: its claim is on disk with its lease, and nothing extends it any more.
    const dead = cardInstance(ra, 'inst-dead');
    expect(await dead.claims.record('card:cb-killed', CARD_TOPIC, JSON.stringify(press('cb-killed')))).toBe('new');
    const row = await rb.find('card:cb-killed');
    expect(row).toMatchObject({ state: 'processing', owner: 'inst-dead', attempts: 1 });
    const live = cardInstance(rb, 'inst-live');
    // While its lease runs the press is its holder's: neither a sweep nor the frame again takes it.
    expect(await live.cards.takeOverExpired()).toBe(0);
    expect(await live.cards.press(press('cb-killed'))).toBeNull();
    await eventually(async () => (await live.cards.takeOverExpired()) === 1, 5000, 'the sweep to take the press over');
    expect(Date.now()).toBeGreaterThanOrEqual(row!.leaseUntil!);
    expect(live.pressed).toEqual(['cb-killed']);
    expect(live.answered).toEqual([{ callbackId: 'cb-killed', response: { userPrivateData: { cardParamMap: { status: 'approved on inst-live' } } } }]);
    expect(await rb.find('card:cb-killed')).toMatchObject({ state: 'done', attempts: 2 });
    expect(await live.cards.takeOverExpired()).toBe(0);
  });

  it('a press answers through its callback and is done; the same callback again is a repeat and presses nothing', async () => {
    const [ra] = repos();
    const a = cardInstance(ra, 'inst-a');
    expect(await a.cards.press(press('cb-once'))).toEqual({ userPrivateData: { cardParamMap: { status: 'approved on inst-a' } } });
    expect(await ra.find('card:cb-once')).toMatchObject({ state: 'done', owner: null, attempts: 1 });
    expect(await a.cards.press(press('cb-once'))).toBeNull();
    expect([a.pressed, a.answered]).toEqual([['cb-once'], []]);
  });
});
