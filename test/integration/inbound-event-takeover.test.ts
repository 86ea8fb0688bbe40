import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInboxCipher } from '../../src/domain/inbox/inbox-cipher.js';
import { openLocalKeyring } from '../../src/domain/vault/open-keyring.js';
import { EVENT_TOPIC } from '../../src/inbound/inbound-events.js';
import { createInboxClaims, type InboxClaims } from '../../src/inbound/inbox-claims.js';
import { systemClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/logger.js';
import { eventually } from '../helpers/eventually.js';
import { hkidFor, patientForm, startCaseChat, type CaseChat } from './case-chat-fixture.js';

const CHAN = 'qmh-chan-taiman';
const LAM = 'qmh-lam-kaming';
const WONG = 'hph-wong-siuming';

/**
 * Several instances on one database (issue 11 item 2): an event another instance claimed and ACKed,
 * then died holding, is taken over once its lease has run out — when DingTalk pushes it again, or at
 * this instance's start — and applies once. While the lease holds, a repeat is a duplicate.
 */
describe('an event claimed by an instance that died is taken over after its lease', () => {
  let cc: CaseChat;
  let group: string;
  let code: string;
  /** The instance that died: same database and keyring, its own id. */
  let other: InboxClaims;
  const row = async (eventId: string) => cc.h.service.inbox.find(eventId);
  const roleOf = async (userId: string) => {
    const { queries } = cc.h.service.secure.cases;
    const clinician = (await cc.h.service.directoryRepo.findByDingTalkId(userId))!;
    return queries.teamRoleNow((await queries.findCase(code)).id, clinician.id);
  };
  const told = (userId: string) => cc.h.sim.sent.filter((e) => e.via === 'oto' && (e.userIds ?? []).includes(userId) && e.text.includes(`Your role on case ${code} has ended`));
  const removed = async () => {
    await cc.h.service.audit.flush();
    return (await cc.h.service.audit.repo.list({ action: 'case.team_removed', target: code }, { limit: 100 })).entries.length;
  };
  /** What the other instance recorded before it died: the event, sealed, held by it. */
  const claimedByOther = async (eventId: string, userId: string) => {
    const data = { openConversationId: group, userId: [userId] };
    expect(await other.record(eventId, EVENT_TOPIC, JSON.stringify({ eventId, eventType: 'chat_remove_member', data }))).toBe('new');
    return data;
  };
  /** Time passes: the other instance's lease runs out. */
  const leaseRunsOut = (eventId: string) =>
    cc.h.service.db.sqlite.prepare('update processed_messages set lease_until = ? where msg_id = ?').run(Date.now() - 1, eventId);
  const ackOf = (messageId: string) => eventually(() => cc.h.sim.ackFor(messageId), 5000, 'the ACK');

  beforeAll(async () => {
    cc = await startCaseChat();
    group = cc.group([CHAN, LAM, WONG]);
    ({ code } = await cc.openCase(group, CHAN, patientForm(hkidFor('161803'))));
    await cc.sayAndDm(group, CHAN, `@ConsultBridge team ${code} add @Lam Ka-ming consulting`, LAM, [LAM]);
    await cc.sayAndDm(group, CHAN, `@ConsultBridge team ${code} add @Wong Siu-ming consulting`, WONG, [WONG]);
    const { keys } = cc.h.service.config;
    const cipher = createInboxCipher(openLocalKeyring({ dir: keys.dir, masterKey: keys.masterKey, clock: systemClock }));
    const { inbox, audit } = cc.h.service;
    other = createInboxClaims({ inbox, cipher, audit, clock: systemClock, logger: silentLogger, instanceId: 'instance-b', leaseMs: 60_000 });
  });
  afterAll(async () => cc?.close());

  it('When DingTalk pushes again an event whose owner still holds its lease, then it is a duplicate; once the lease ran out, this instance handles it, once', async () => {
    const eventId = 'evt-takeover-lam';
    const data = await claimedByOther(eventId, LAM);
    const held = cc.h.sim.pushEvent('chat_remove_member', data, { eventId });
    expect(await ackOf(held.messageId)).toMatchObject({ data: { status: 'SUCCESS' } });
    expect(await row(eventId)).toMatchObject({ state: 'processing', owner: 'instance-b', attempts: 1 });
    expect(await roleOf(LAM)).toBe('consulting');

    leaseRunsOut(eventId);
    const again = cc.h.sim.redeliverEvent(eventId);
    expect(await ackOf(again)).toMatchObject({ data: { status: 'SUCCESS' } });
    await eventually(async () => (await row(eventId))?.state === 'done', 5000, 'the event to be finished');
    expect(await row(eventId)).toMatchObject({ payload: null, owner: null, leaseUntil: null, attempts: 2 });
    expect(await roleOf(LAM)).toBe('');
    await eventually(() => told(LAM).length > 0, 5000, 'Dr Lam to be told');

    // Finished: one more repeat is a duplicate.
    const third = cc.h.sim.redeliverEvent(eventId);
    await ackOf(third);
    expect(await row(eventId)).toMatchObject({ state: 'done', attempts: 2 });
    await cc.h.service.worker.drain(2000);
    expect(told(LAM)).toHaveLength(1);
    expect(await removed()).toBe(1);
  });

  it('When this instance starts, then it takes over an event whose owner’s lease ran out, and leaves one still held alone', async () => {
    await claimedByOther('evt-takeover-wong', WONG);
    leaseRunsOut('evt-takeover-wong');
    await claimedByOther('evt-still-held', 'qmh-nobody');
    await cc.h.restart();
    await eventually(async () => (await row('evt-takeover-wong'))?.state === 'done', 5000, 'the event to be finished');
    expect(await row('evt-takeover-wong')).toMatchObject({ payload: null, attempts: 2 });
    expect(await roleOf(WONG)).toBe('');
    await eventually(() => told(WONG).length > 0, 5000, 'Dr Wong to be told');
    expect(await row('evt-still-held')).toMatchObject({ state: 'processing', owner: 'instance-b', attempts: 1 });
    expect(await removed()).toBe(2);
  });
});
