import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROBOT_TOPIC } from '../../src/bot/steps/dedupe.js';
import { eventually } from '../helpers/eventually.js';
import { replyAfter, startHarness, type Harness } from '../helpers/service-harness.js';

const CARD_TOPIC = '/v1.0/card/instances/callback';

/** Odd values of every JSON kind, and strings a parser or the audit log may choke on. */
const oddString = fc.oneof(
  fc.string(),
  fc.constantFrom('', ' ', '\u0000', 'a\u0000b', 'x'.repeat(5000), '__proto__', 'constructor', 'error', '{', '"', '\\', '💥', 'Ａ１２３４５６（３）'),
);
const oddValue = fc.oneof(oddString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(oddString, { maxLength: 3 }), fc.dictionary(oddString, oddString, { maxKeys: 3 }));
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

/** Robot payloads: mostly well-formed enough to be recorded and processed, with odd values in any field. */
const robotData = fc.record(
  {
    msgtype: fc.oneof(fc.constant('text'), oddValue),
    msgId: fc.oneof(fc.uuid(), oddValue),
    conversationId: fc.oneof(fc.constant('cid-props'), oddValue),
    conversationType: fc.oneof(fc.constantFrom('1', '2'), oddValue),
    senderStaffId: fc.oneof(fc.constantFrom('qmh-ho-wingyee', 'nobody'), oddValue),
    senderNick: oddValue,
    isInAtList: fc.oneof(fc.boolean(), oddValue),
    atUsers: fc.oneof(fc.array(fc.record({ dingtalkId: oddValue, staffId: oddValue }), { maxLength: 2 }), oddValue),
    text: fc.oneof(fc.record({ content: fc.oneof(fc.constantFrom(' ping', ' help', ' case C-AAAAA'), oddValue) }), oddValue),
    content: oddValue,
    sessionWebhook: fc.oneof(fc.constant('http://127.0.0.1:1/nowhere'), oddValue),
    sessionWebhookExpiredTime: oddValue,
    createAt: oddValue,
  },
  { requiredKeys: [] },
);

const data = fc.oneof(robotData.map((d) => JSON.stringify(d)), oddString, oddValue);
const headers = fc.oneof(
  fc.record(
    {
      messageId: fc.oneof(fc.uuid(), oddValue),
      topic: fc.oneof(fc.constantFrom(ROBOT_TOPIC, CARD_TOPIC, 'ping', 'disconnect', 'KEEPALIVE', 'REGISTERED'), oddValue),
      eventId: oddValue,
      eventType: fc.oneof(fc.constantFrom('chat_update_title', 'user_leave_org', 'chat_add_member'), oddValue),
      eventBornTime: oddValue,
      contentType: oddValue,
    },
    { requiredKeys: [] },
  ),
  oddValue,
);
const frame = fc.oneof(
  { weight: 8, arbitrary: fc.record({ specVersion: maybe(oddValue), type: fc.oneof(fc.constantFrom('CALLBACK', 'EVENT', 'SYSTEM'), oddValue), headers, data }, { requiredKeys: ['type', 'headers'] }).map((f) => JSON.stringify(f)) },
  { weight: 1, arbitrary: oddString },
);

/** No frame can crash the process, whatever its shape: pushed over the WebSocket into the real SDK. */
describe('stream frames of any shape', () => {
  let h: Harness;
  const crashes: unknown[] = [];
  const onCrash = (e: unknown) => crashes.push(e);
  beforeAll(async () => {
    h = await startHarness();
    process.on('uncaughtException', onCrash);
    process.on('unhandledRejection', onCrash);
  });
  afterAll(async () => {
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
    await h?.close();
  });

  /** The bot still answers after everything sent before: frames are handled in order on one socket. */
  async function stillAnswers(): Promise<void> {
    const group = h.demo.groups.aeHandover;
    const reply = replyAfter(h.sim, { conversationId: group }, 10_000);
    h.sim.say(group, 'qmh-ho-wingyee', '@ConsultBridge ping');
    expect((await reply).text).toContain('在線');
  }

  it('When a robot frame has no headers.messageId (the SDK cannot ACK it), then the process stays up and the bot still answers', async () => {
    const body = { msgtype: 'text', msgId: 'msg-no-frame-id', conversationId: 'c', conversationType: '2', senderStaffId: 'qmh-ho-wingyee', text: { content: ' ping' } };
    h.sim.sendRaw(JSON.stringify({ specVersion: '1.0', type: 'CALLBACK', headers: { topic: ROBOT_TOPIC }, data: JSON.stringify(body) }));
    h.sim.sendRaw(JSON.stringify({ specVersion: '1.0', type: 'CALLBACK', headers: { topic: CARD_TOPIC, messageId: '' }, data: '{}' }));
    h.sim.sendRaw(JSON.stringify({ specVersion: '1.0', type: 'CALLBACK', headers: { topic: ROBOT_TOPIC, messageId: 0 }, data: JSON.stringify(body) }));
    await stillAnswers();
    expect(crashes).toEqual([]);
    expect(await h.service.inbox.find('msg-no-frame-id')).toBeUndefined();
  });

  it('When frames with arbitrary headers and data arrive, then none crashes the process and the bot still answers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(frame, { minLength: 1, maxLength: 20 }), async (frames) => {
        for (const f of frames) h.sim.sendRaw(f);
        await stillAnswers();
        expect(crashes).toEqual([]);
      }),
      { numRuns: 40 },
    );
    await eventually(async () => (await h.service.inbox.countOf('processing')) === 0, 5000, 'nothing left processing');
  });
});
