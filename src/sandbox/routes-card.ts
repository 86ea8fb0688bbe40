/**
 * Interactive cards: create-and-deliver (§5.1) and update (§5.2). Card parameter values must be
 * strings, as on the real platform; the error codes for bad card bodies are our best guess.
 */
import { asRecord, isNonEmptyString, ok, v1Error, type Reply } from './sim-http.js';
import type { Route, SimCard, SimState } from './sim-state.js';
import { textOfCardData } from './sim-text.js';

type StringMap = Record<string, string>;

/** `{cardParamMap}` with string values only; undefined when the shape is wrong. */
export function readParamMap(v: unknown): StringMap | undefined {
  const m = asRecord(v).cardParamMap;
  if (m === undefined) return {};
  if (!m || typeof m !== 'object' || Array.isArray(m)) return undefined;
  return Object.values(m).every((x) => typeof x === 'string') ? (m as StringMap) : undefined;
}

/** Applies new card data: merge key by key, or replace the whole map. */
export function mergeParams(old: StringMap, next: StringMap, byKey: boolean): StringMap {
  return byKey ? { ...old, ...next } : { ...next };
}

interface Space {
  spaceType: string;
  spaceId: string;
}

function parseSpaces(openSpaceId: string): Space[] | undefined {
  const spaces = openSpaceId.split(';').map((part) => {
    const m = /^dtv1\.card\/\/([A-Z_]+)\.(.+)$/.exec(part.trim());
    return m ? { spaceType: m[1]!, spaceId: m[2]! } : undefined;
  });
  return spaces.every((x) => x !== undefined) ? (spaces as Space[]) : undefined;
}

function deliverTo(s: SimState, space: Space, b: Record<string, unknown>): string {
  if (space.spaceType === 'IM_GROUP') {
    if (!isNonEmptyString(asRecord(b.imGroupOpenDeliverModel).robotCode)) return 'robotCode is required';
    return s.org.groups.has(space.spaceId) ? '' : 'openConversationId not found';
  }
  if (space.spaceType === 'IM_ROBOT') return s.org.users.has(space.spaceId) ? '' : 'user not found';
  return `spaceType ${space.spaceType} is not supported by the simulator`;
}

const createAndDeliver: Route = {
  method: 'POST',
  path: '/v1.0/card/instances/createAndDeliver',
  auth: 'v1',
  handle(ctx, s): Reply {
    const b = asRecord(ctx.body);
    if (!isNonEmptyString(b.cardTemplateId)) return v1Error(400, 'invalidParameter.cardTemplateId', 'cardTemplateId is empty');
    if (!isNonEmptyString(b.outTrackId)) return v1Error(400, 'invalidParameter.outTrackId', 'outTrackId is empty');
    const spaces = isNonEmptyString(b.openSpaceId) ? parseSpaces(b.openSpaceId) : undefined;
    if (!spaces) return v1Error(400, 'invalidParameter.openSpaceId', 'openSpaceId is invalid');
    const params = readParamMap(b.cardData);
    if (!params) return v1Error(400, 'invalidParameter.cardData', 'cardParamMap values must be strings');
    if (b.callbackType !== undefined && b.callbackType !== 'STREAM' && b.callbackType !== 'HTTP') {
      return v1Error(400, 'invalidParameter.callbackType', 'callbackType must be STREAM or HTTP');
    }
    const privateData: Record<string, StringMap> = {};
    for (const [userId, v] of Object.entries(asRecord(b.privateData))) {
      const m = readParamMap(v);
      if (!m) return v1Error(400, 'invalidParameter.privateData', 'cardParamMap values must be strings');
      privateData[userId] = m;
    }
    const results = spaces.map((sp) => ({ ...sp, errorMsg: deliverTo(s, sp, b) }));
    const delivered = results.filter((r) => r.errorMsg === '');
    const card: SimCard = {
      outTrackId: b.outTrackId,
      cardTemplateId: b.cardTemplateId,
      callbackType: typeof b.callbackType === 'string' ? b.callbackType : undefined,
      cardParamMap: params,
      privateData,
      conversationIds: delivered.filter((r) => r.spaceType === 'IM_GROUP').map((r) => r.spaceId),
      userIds: delivered.filter((r) => r.spaceType === 'IM_ROBOT').map((r) => r.spaceId),
    };
    s.cards.set(card.outTrackId, card);
    const atUserIds = Object.keys(asRecord(asRecord(b.imGroupOpenDeliverModel).atUserIds));
    const text = textOfCardData(params);
    for (const conversationId of card.conversationIds) {
      s.sent.add({ via: 'card', conversationId, outTrackId: card.outTrackId, text, raw: ctx.body, atUserIds });
    }
    if (card.userIds.length > 0) {
      s.sent.add({ via: 'card', userIds: card.userIds, outTrackId: card.outTrackId, text, raw: ctx.body });
    }
    return ok({
      success: true,
      result: {
        outTrackId: card.outTrackId,
        deliverResults: results.map((r) => ({
          spaceType: r.spaceType,
          spaceId: r.spaceId,
          success: r.errorMsg === '',
          errorMsg: r.errorMsg,
          carrierId: r.errorMsg === '' ? `carrier-${card.outTrackId}-${r.spaceId}` : '',
        })),
      },
    });
  },
};

const updateCard: Route = {
  method: 'PUT',
  path: '/v1.0/card/instances',
  auth: 'v1',
  handle(ctx, s): Reply {
    const b = asRecord(ctx.body);
    if (!isNonEmptyString(b.outTrackId)) return v1Error(400, 'invalidParameter.outTrackId', 'outTrackId is empty');
    const card = s.cards.get(b.outTrackId);
    if (!card) return v1Error(400, 'resource.not.found', 'card not found');
    const params = readParamMap(b.cardData);
    if (!params) return v1Error(400, 'invalidParameter.cardData', 'cardParamMap values must be strings');
    const opts = asRecord(b.cardUpdateOptions);
    if (b.cardData !== undefined) card.cardParamMap = mergeParams(card.cardParamMap, params, opts.updateCardDataByKey === true);
    for (const [userId, v] of Object.entries(asRecord(b.privateData))) {
      const m = readParamMap(v);
      if (!m) return v1Error(400, 'invalidParameter.privateData', 'cardParamMap values must be strings');
      card.privateData[userId] = mergeParams(card.privateData[userId] ?? {}, m, opts.updatePrivateDataByKey === true);
    }
    s.sent.add({
      via: 'cardUpdate',
      conversationId: card.conversationIds[0],
      userIds: card.userIds.length > 0 ? card.userIds : undefined,
      outTrackId: card.outTrackId,
      text: textOfCardData(card.cardParamMap),
      raw: ctx.body,
    });
    return ok({ success: true, result: true });
  },
};

export const cardRoutes: Route[] = [createAndDeliver, updateCard];
