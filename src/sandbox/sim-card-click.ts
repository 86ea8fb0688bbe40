/**
 * A user pressing a button on an interactive card (§5.4): a CALLBACK on the card topic whose ACK
 * carries the card update. Like DingTalk, the answer must come within the callback timeout, and the
 * returned card data is applied to the card.
 */
import { asRecord } from './sim-http.js';
import type { SimPusher } from './sim-push.js';
import { mergeParams, readParamMap } from './routes-card.js';
import type { SimState } from './sim-state.js';

export const TOPIC_CARD_CALLBACK = '/v1.0/card/instances/callback';

export interface CardClick {
  outTrackId: string;
  userId: string;
  /** The 回传参数 of the pressed component. */
  params: Record<string, unknown>;
  actionIds?: string[];
  timeoutMs?: number;
}

export async function clickCard(s: SimState, pusher: SimPusher, click: CardClick): Promise<unknown> {
  const card = s.cards.get(click.outTrackId);
  if (!card) throw new Error(`simulator: unknown card ${click.outTrackId}`);
  if (card.callbackType !== 'STREAM') throw new Error('simulator: card was not created with callbackType STREAM');
  s.org.requireUser(click.userId);
  const inGroup = card.conversationIds[0];
  const data = {
    type: 'actionCallback',
    outTrackId: card.outTrackId,
    corpId: s.opts.corpId,
    userId: click.userId,
    userIdType: 1,
    spaceType: inGroup ? 'IM_GROUP' : 'IM_ROBOT',
    spaceId: inGroup ?? click.userId,
    content: JSON.stringify({ cardPrivateData: { actionIds: click.actionIds ?? [], params: click.params } }),
    extension: '{}',
    value: JSON.stringify({ cardPrivateData: { actionIds: click.actionIds ?? [], params: click.params } }),
  };
  const messageId = pusher.push(
    { type: 'CALLBACK', topic: TOPIC_CARD_CALLBACK, data: JSON.stringify(data) },
    { redeliver: false },
  );
  const ack = await s.stream.awaitAck(messageId, click.timeoutMs ?? s.opts.cardCallbackTimeoutMs);
  const response = asRecord(ack.data).response;
  applyResponse(s, card.outTrackId, click.userId, response);
  return response;
}

function applyResponse(s: SimState, outTrackId: string, userId: string, response: unknown): void {
  const card = s.cards.get(outTrackId);
  const r = asRecord(response);
  if (!card || Object.keys(r).length === 0) return;
  const opts = asRecord(r.cardUpdateOptions);
  const pub = r.cardData === undefined ? undefined : readParamMap(r.cardData);
  if (pub) card.cardParamMap = mergeParams(card.cardParamMap, pub, opts.updateCardDataByKey === true);
  const mine = r.userPrivateData === undefined ? undefined : readParamMap(r.userPrivateData);
  if (mine) card.privateData[userId] = mergeParams(card.privateData[userId] ?? {}, mine, opts.updatePrivateDataByKey === true);
}
