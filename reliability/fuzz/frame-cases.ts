import fc from 'fast-check';
import { junkString, junkValue } from './junk.js';

/**
 * Downstream stream frames as DingTalk's gateway could send them, and worse: robot messages with one
 * field broken (sender id with a NUL byte, missing msgId, text that is not a string, a huge body),
 * events of every type with hostile data, card callbacks with junk, frames without a messageId or
 * with the wrong type, and text that is not JSON at all. Sent raw over the simulator's socket, so
 * they go through the real SDK's parsing and dispatch.
 */
export interface FrameWorld {
  clientId: string;
  corpId: string;
  robotCode: string;
  oapiBase: string;
  group: string;
  users: string[];
  caseCode: string;
}

const TOPIC_ROBOT = '/v1.0/im/bot/messages/get';
const TOPIC_CARD = '/v1.0/card/instances/callback';
const EVENT_TYPES = ['chat_remove_member', 'chat_quit', 'chat_add_member', 'user_leave_org', 'user_modify_org', 'chat_disband', 'x'];

function robotData(fw: FrameWorld): fc.Arbitrary<Record<string, unknown>> {
  const text = fc.oneof(
    fc.constantFrom('ping', 'help', 'whoami', `case ${fw.caseCode}`, `why ${fw.caseCode}`, `share ${fw.caseCode}`, `request ${fw.caseCode} referral`, 'pt A123456(3)', 'pt Ａ１２３４５６（３）', `team ${fw.caseCode} remove @x`),
    junkString(),
  );
  const base = fc.record({ user: fc.constantFrom(...fw.users), text, msgId: fc.uuid(), group: fc.boolean() }).map(({ user, text, msgId, group }) => ({
    msgtype: 'text', msgId, conversationId: group ? fw.group : `cidDm-${user}`, conversationType: group ? '2' : '1', isInAtList: true,
    atUsers: [], text: { content: ` ${text}` }, senderId: `$:LWCP_v1:$${user}`, senderStaffId: user, senderNick: user,
    senderCorpId: fw.corpId, isAdmin: false, chatbotCorpId: fw.corpId, robotCode: fw.robotCode,
    sessionWebhook: `${fw.oapiBase}/robot/sendBySession?session=fuzz-${msgId}`, sessionWebhookExpiredTime: Date.now() + 5_400_000, createAt: Date.now(),
  }));
  const field = fc.constantFrom('msgtype', 'msgId', 'conversationId', 'conversationType', 'atUsers', 'text', 'senderId', 'senderStaffId', 'senderNick', 'robotCode', 'sessionWebhook', 'sessionWebhookExpiredTime', 'createAt', 'isInAtList', 'content', '__proto__');
  return fc.oneof(
    { weight: 1, arbitrary: base },
    { weight: 3, arbitrary: fc.tuple(base, field, fc.oneof(junkValue(2), junkString(), fc.constant(undefined))).map(([d, k, v]) => {
      const o: Record<string, unknown> = { ...d };
      if (v === undefined) delete o[k];
      else if (k === '__proto__') Object.defineProperty(o, '__proto__', { value: v, enumerable: true });
      else o[k] = v;
      return o;
    }) },
  );
}

function eventData(fw: FrameWorld): fc.Arbitrary<unknown> {
  const ids = fc.oneof(fc.constantFrom(...fw.users), fc.array(fc.constantFrom(...fw.users), { maxLength: 3 }), junkValue(1));
  return fc.oneof(
    fc.record({ openConversationId: fc.oneof(fc.constant(fw.group), junkString(false)), userId: ids, operator: ids }, { requiredKeys: [] }),
    fc.record({ userId: ids, corpId: fc.constant(fw.corpId), syncAction: fc.constantFrom('user_leave_org', 'x') }, { requiredKeys: [] }),
    junkValue(3),
  );
}

function cardData(fw: FrameWorld): fc.Arbitrary<unknown> {
  const params = fc.dictionary(fc.constantFrom('action', 'documentId', 'requestId', 'decision', 'itemId', '__proto__'), junkValue(1), { maxKeys: 3 });
  return fc.oneof(
    fc.record({ type: fc.constant('actionCallback'), outTrackId: junkString(false), userId: fc.oneof(fc.constantFrom(...fw.users), junkString(false)), content: params.map((p) => JSON.stringify({ cardPrivateData: { params: p } })), value: fc.oneof(junkString(false), fc.constant('{')) }, { requiredKeys: ['type'] }),
    junkValue(3),
  );
}

const dataText = (a: fc.Arbitrary<unknown>) => fc.oneof({ weight: 5, arbitrary: a.map((d) => JSON.stringify(d) ?? 'null') }, { weight: 1, arbitrary: junkString() });

/** One raw frame (the text on the socket) and what it was, for the report. */
export interface FrameCase {
  kind: string;
  text: string;
}

export function frameCase(fw: FrameWorld): fc.Arbitrary<FrameCase> {
  const messageId = fc.oneof({ weight: 6, arbitrary: fc.uuid() }, { weight: 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: junkValue(1) });
  const frame = (kind: string, type: fc.Arbitrary<unknown>, topic: fc.Arbitrary<unknown>, data: fc.Arbitrary<string>, extra: fc.Arbitrary<Record<string, unknown>> = fc.constant({})) =>
    fc.record({ type, topic, data, messageId, extra, spec: fc.oneof({ weight: 9, arbitrary: fc.constant('1.0') }, { weight: 1, arbitrary: junkValue(1) }) }).map((f) => ({
      kind,
      text: JSON.stringify({
        specVersion: f.spec, type: f.type,
        headers: { appId: fw.clientId, contentType: 'application/json', time: String(Date.now()), topic: f.topic, ...(f.messageId === undefined ? {} : { messageId: f.messageId }), ...f.extra },
        data: f.data,
      }),
    }));
  const eventHeaders = fc.record({ eventType: fc.oneof(fc.constantFrom(...EVENT_TYPES), junkString(false)), eventId: fc.uuid(), eventBornTime: fc.constant(String(Date.now())), eventCorpId: fc.constant(fw.corpId) }, { requiredKeys: [] });
  return fc.oneof(
    { weight: 4, arbitrary: frame('robot', fc.constant('CALLBACK'), fc.constant(TOPIC_ROBOT), dataText(robotData(fw))) },
    { weight: 2, arbitrary: frame('event', fc.constant('EVENT'), fc.constant('*'), dataText(eventData(fw)), eventHeaders) },
    { weight: 2, arbitrary: frame('card', fc.constant('CALLBACK'), fc.constant(TOPIC_CARD), dataText(cardData(fw))) },
    { weight: 1, arbitrary: frame('system', fc.constantFrom('SYSTEM', 'system', 'X', 7, null), fc.oneof(fc.constantFrom('ping', 'disconnect', 'KEEPALIVE', TOPIC_ROBOT), junkString(false)), junkString()) },
    { weight: 1, arbitrary: fc.oneof(junkString(), fc.constantFrom('{', '[]', 'null', '{"headers":null}', '{"type":"CALLBACK"}', '{"type":"CALLBACK","headers":{"topic":"/v1.0/im/bot/messages/get"},"data":"{"}')).map((text) => ({ kind: 'raw', text })) },
  );
}
