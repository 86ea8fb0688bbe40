import type { OutboxHandlerContext } from '../shared/outbox-port.js';
import { systemClock, type Clock } from '../shared/clock.js';
import {
  type CreateCardInput,
  type CreateSceneGroupInput,
  type DingInput,
  type DingTalkApi,
  type RobotMessage,
  type SceneGroupMembersInput,
  type UpdateCardInput,
} from './openapi/index.js';
import { chunk, ROBOT_BATCH_LIMIT } from './openapi/robot.js';
import { assertNoPhi } from './phi-guard.js';
import { BOT_REPLY_KIND, deliverReply, type BotReplyPayload } from './reply-delivery.js';

/**
 * The typed intents callers put into the outbox, and the handlers that turn each kind into one
 * OpenAPI call. Where DingTalk offers an idempotency key the outbox idemKey is used by default
 * (card `outTrackId`, scene-group `uuid`), so a resend after a crash lands on the same object.
 * Plain robot sends have no such key: a crash between send and mark can send twice.
 */
export type OutboxIntent =
  | { kind: 'group.send'; payload: RobotMessage & { openConversationId: string } }
  /** Keep ≤ 20 userIds per intent: a larger one is sent in chunks and a retry resends earlier chunks. */
  | { kind: 'oto.send'; payload: RobotMessage & { userIds: string[] } }
  | { kind: 'group.recall'; payload: { openConversationId: string; processQueryKeys: string[] } }
  | { kind: 'oto.recall'; payload: { processQueryKeys: string[] } }
  | { kind: 'card.deliver'; payload: Omit<CreateCardInput, 'outTrackId'> & { outTrackId?: string } }
  | { kind: 'card.update'; payload: UpdateCardInput }
  /** A bot reply: by the message's session webhook while valid, else the robot OpenAPI (reply-delivery.ts). */
  | { kind: typeof BOT_REPLY_KIND; payload: BotReplyPayload }
  | { kind: 'scene.create'; payload: Omit<CreateSceneGroupInput, 'uuid'> & { uuid?: string } }
  | { kind: 'scene.add_members'; payload: SceneGroupMembersInput }
  | { kind: 'scene.remove_members'; payload: SceneGroupMembersInput }
  /** Not idempotent on DingTalk's side: a crash between send and mark can DING twice. */
  | { kind: 'ding.send'; payload: DingInput }
  /** Fetch a stored Yida submission's form data and file it (the use case, given by compose: createOutboxHandlers' `yidaFetch`). */
  | { kind: 'yida.fetch'; payload: { submissionId: string } };

export type OutboxKind = OutboxIntent['kind'];
export type OutboxPayload<K extends OutboxKind> = Extract<OutboxIntent, { kind: K }>['payload'];

export type OutboxHandlers = {
  [K in OutboxKind]: (payload: OutboxPayload<K>, ctx: OutboxHandlerContext) => Promise<unknown>;
};

/**
 * Splits a 1:1 send into one intent per 20 receivers (`<idemKey>#0`, `#1`, …), so a failing chunk
 * is retried alone and never resends the chunks that already went out.
 */
export function otoSendIntents(
  idemKey: string,
  payload: OutboxPayload<'oto.send'>,
): Array<Extract<OutboxIntent, { kind: 'oto.send' }> & { idemKey: string }> {
  return chunk(payload.userIds, ROBOT_BATCH_LIMIT).map((userIds, i) => ({
    idemKey: `${idemKey}#${i}`,
    kind: 'oto.send',
    payload: { ...payload, userIds },
  }));
}

/** For `createOutboxService({ validate })`: refuse patient data at enqueue, inside the caller's transaction. */
export function validateOutboxIntent(intent: { payload: unknown }): void {
  assertNoPhi(intent.payload);
}

export function createOutboxHandlers(api: DingTalkApi, opts: { clock?: Clock; yidaFetch?: (submissionId: string) => Promise<unknown> } = {}): OutboxHandlers {
  return {
    'group.send': (p) => api.sendGroup(p),
    'oto.send': (p) => api.sendToUsers(p),
    'group.recall': (p) => api.recallGroup(p),
    'oto.recall': (p) => api.recallOto(p),
    'card.deliver': (p, ctx) => api.createAndDeliverCard({ ...p, outTrackId: p.outTrackId ?? ctx.idemKey }),
    'card.update': (p) => api.updateCard(p),
    [BOT_REPLY_KIND]: deliverReply(api, opts.clock ?? systemClock),
    'scene.create': (p, ctx) => api.createSceneGroup({ ...p, uuid: p.uuid ?? ctx.idemKey }),
    'scene.add_members': (p) => api.addSceneGroupMembers(p),
    'scene.remove_members': (p) => api.removeSceneGroupMembers(p),
    'ding.send': (p) => api.sendDing(p),
    'yida.fetch': async (p) => {
      if (!opts.yidaFetch) throw new Error('yida.fetch has no handler');
      return opts.yidaFetch(p.submissionId);
    },
  };
}
