import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../helpers/eventually.js';
import { hkidFor, patientForm, startCaseChat, type CaseChat } from './case-chat-fixture.js';

const CHAN = 'qmh-chan-taiman';
const LAM = 'qmh-lam-kaming';

/**
 * DingTalk may push an event again even after a correct ACK (dingtalk-api.md §1.6, §13), possibly to
 * another instance's connection. The service, on one SQLite file, applies it once: the inbox claim on
 * the eventId turns the repeat into a duplicate. Real SDK, simulator and service.
 */
describe('an event pushed again after its ACK applies once', () => {
  let cc: CaseChat;
  let group: string;
  let code: string;
  const idOf = async (userId: string) => (await cc.h.service.directoryRepo.findByDingTalkId(userId))!.id;
  const roleOf = async (userId: string) => {
    const { queries } = cc.h.service.secure.cases;
    return queries.teamRoleNow((await queries.findCase(code)).id, await idOf(userId));
  };
  const audited = async (action: string, target?: string) => {
    await cc.h.service.audit.flush();
    return (await cc.h.service.audit.repo.list({ action, target }, { limit: 500 })).entries;
  };
  /** The repeat of `eventId` the simulator pushed after the first ACK, once it is ACKed too. */
  const repeatAcked = (eventId: string) =>
    eventually(() => {
      const r = cc.h.sim.events.all<{ messageId: string; eventId: string; afterAck?: boolean }>('redelivery').find((x) => x.afterAck && x.eventId === eventId);
      return r && cc.h.sim.ackFor(r.messageId);
    }, 5000, 'the repeated event to be ACKed');

  beforeAll(async () => {
    cc = await startCaseChat();
    group = cc.group([CHAN, LAM, 'hph-wong-siuming']);
    ({ code } = await cc.openCase(group, CHAN, patientForm(hkidFor('314159'))));
    await cc.sayAndDm(group, CHAN, `@ConsultBridge team ${code} add @Lam Ka-ming consulting`, LAM, [LAM]);
    expect(await roleOf(LAM)).toBe('consulting');
    cc.h.sim.faults.redeliverEventsAfterAck(1);
  });
  afterAll(async () => cc?.close());

  it('When a group-leave event comes twice (the second after the ACK), then the role ends once, one notice, one audit entry, and the repeat is ACKed as a duplicate', async () => {
    const from = cc.h.sim.sent.length;
    const framesBefore = cc.h.sim.events.count('frame');
    cc.h.sim.org.removeMember(group, LAM, { event: true });
    const first = cc.h.sim.events.all<{ headers: Record<string, string> }>('frame').slice(framesBefore).find((f) => f.headers.eventType === 'chat_remove_member')!;
    const eventId = first.headers.eventId!;
    const repeat = await repeatAcked(eventId);
    expect(repeat).toMatchObject({ code: 200, data: { status: 'SUCCESS' } });
    expect(cc.h.sim.ackFor(first.headers.messageId!)).toMatchObject({ code: 200, data: { status: 'SUCCESS' } });

    await eventually(async () => (await roleOf(LAM)) === '', 5000, 'the role to end');
    await eventually(async () => (await cc.h.service.inbox.find(eventId))?.state === 'done', 5000, 'the event to be finished');
    expect(await audited('event.received', 'chat_remove_member')).toHaveLength(1);
    expect((await audited('case.team_removed', code)).filter((e) => e.reason === 'left_group')).toHaveLength(1);
    expect(cc.h.logs().split('"code":"team.left_group"').length - 1).toBe(1);
    const notices = await eventually(() => {
      const told = cc.h.sim.sent.slice(from).filter((e) => e.via === 'oto' && (e.userIds ?? []).includes(LAM));
      return told.length > 0 && told;
    }, 5000, 'Dr Lam to be told');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toContain(`Your role on case ${code} has ended`);
  });

  it('When an event the service took is pushed again by hand, then it is a duplicate too: nothing new on the record', async () => {
    const { eventId } = cc.h.sim.pushEvent('chat_update_title', { openConversationId: group, title: 'Consult renamed' });
    await repeatAcked(eventId);
    cc.h.sim.faults.redeliverEventsAfterAck(0);
    const third = cc.h.sim.redeliverEvent(eventId);
    await eventually(() => cc.h.sim.ackFor(third), 5000, 'the hand-pushed repeat to be ACKed');
    await eventually(async () => (await cc.h.service.inbox.find(eventId))?.state === 'done', 5000, 'the event to be finished');
    expect(await audited('event.received', 'chat_update_title')).toHaveLength(1);
  });
});
