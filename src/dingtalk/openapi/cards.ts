import { DingTalkApiError } from './errors.js';
import type { Call } from './http.js';

/**
 * Interactive cards (reference §5). Cards are created with `callbackType: STREAM` so button clicks
 * arrive on our Stream connection. Forwarding is switched off: a card about a consult should not be
 * copied into other chats.
 */
export type CardValue = string | number | boolean | null | undefined | object;
export type CardParams = Record<string, CardValue>;

export type CardTarget = { type: 'group'; openConversationId: string } | { type: 'robot'; userId: string };

export interface CreateCardInput {
  cardTemplateId: string;
  outTrackId: string;
  /** Either a raw `dtv1.card//…` space id (several joined by `;`) or a target to build it from. */
  openSpaceId?: string;
  target?: CardTarget;
  cardParamMap: CardParams;
  privateData?: Record<string, CardParams>;
  /** userId → display name, or `{"@ALL":"@ALL"}`. Group spaces only. */
  atUserIds?: Record<string, string>;
  /** Only these userIds receive the card in a group. */
  recipients?: string[];
}

export interface UpdateCardInput {
  outTrackId: string;
  cardParamMap?: CardParams;
  privateData?: Record<string, CardParams>;
  /** Merge keys (default) rather than replace the whole map. */
  byKey?: boolean;
}

/** Card values must all be strings (reference §5.1). */
export function stringifyCardParams(params: CardParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    out[k] = v === null || v === undefined ? '' : typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  return out;
}

function privateParams(data: Record<string, CardParams> | undefined) {
  if (!data) return undefined;
  return Object.fromEntries(Object.entries(data).map(([u, p]) => [u, { cardParamMap: stringifyCardParams(p) }]));
}

export function openSpaceIdFor(target: CardTarget): string {
  return target.type === 'group'
    ? `dtv1.card//IM_GROUP.${target.openConversationId}`
    : `dtv1.card//IM_ROBOT.${target.userId}`;
}

interface DeliverResult {
  spaceType?: string;
  spaceId?: string;
  success?: boolean;
  carrierId?: string;
}

export function createCardApi(call: Call, robotCode: string) {
  return {
    async createAndDeliverCard(input: CreateCardInput) {
      const openSpaceId = input.openSpaceId ?? (input.target ? openSpaceIdFor(input.target) : undefined);
      if (!openSpaceId) throw new DingTalkApiError({ code: 'card.no_space', kind: 'response', retryable: false });
      const body: Record<string, unknown> = {
        cardTemplateId: input.cardTemplateId,
        outTrackId: input.outTrackId,
        openSpaceId,
        callbackType: 'STREAM',
        userIdType: 1,
        cardData: { cardParamMap: stringifyCardParams(input.cardParamMap) },
        privateData: privateParams(input.privateData),
      };
      if (openSpaceId.includes('IM_GROUP.')) {
        body.imGroupOpenSpaceModel = { supportForward: false };
        body.imGroupOpenDeliverModel = { robotCode, atUserIds: input.atUserIds, recipients: input.recipients };
      }
      if (openSpaceId.includes('IM_ROBOT.')) {
        body.imRobotOpenSpaceModel = { supportForward: false };
        body.imRobotOpenDeliverModel = { spaceType: 'IM_ROBOT', robotCode };
      }
      const r = await call<{ success?: boolean; result?: { deliverResults?: DeliverResult[] } }>({
        op: 'card.createAndDeliver',
        method: 'POST',
        host: 'api',
        path: '/v1.0/card/instances/createAndDeliver',
        body,
      });
      const results = r.result?.deliverResults ?? [];
      // HTTP 200 can still carry a per-space failure; the space's errorMsg is not kept.
      if (r.success === false || results.some((d) => d.success === false)) {
        throw new DingTalkApiError({ code: 'card.deliver_failed', kind: 'response', status: 200, retryable: false });
      }
      return {
        outTrackId: input.outTrackId,
        deliveries: results.map((d) => ({ spaceType: d.spaceType, spaceId: d.spaceId, carrierId: d.carrierId })),
      };
    },

    async updateCard(input: UpdateCardInput) {
      const byKey = input.byKey ?? true;
      const r = await call<{ success?: boolean }>({
        op: 'card.update',
        method: 'PUT',
        host: 'api',
        path: '/v1.0/card/instances',
        body: {
          outTrackId: input.outTrackId,
          cardData: input.cardParamMap ? { cardParamMap: stringifyCardParams(input.cardParamMap) } : undefined,
          privateData: privateParams(input.privateData),
          cardUpdateOptions: { updateCardDataByKey: byKey, updatePrivateDataByKey: byKey },
          userIdType: 1,
        },
      });
      if (r.success === false) {
        throw new DingTalkApiError({ code: 'card.update_failed', kind: 'response', status: 200, retryable: false });
      }
      return { outTrackId: input.outTrackId };
    },
  };
}

export type CardApi = ReturnType<typeof createCardApi>;
