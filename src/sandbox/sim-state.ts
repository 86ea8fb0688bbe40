/**
 * Everything the HTTP routes share. Routes are plain functions of (request, state) so each area
 * lives in its own small file.
 */
import type { SimEvents } from './sim-events.js';
import type { SimFaults } from './sim-faults.js';
import type { Reply, RouteCtx } from './sim-http.js';
import type { SimOrg } from './sim-org.js';
import type { WebhookSession } from './sim-robot-message.js';
import type { SentLog } from './sim-sent.js';
import type { SimStream } from './sim-stream.js';
import type { SimTokens } from './sim-tokens.js';
import type { SimYida } from './sim-yida.js';
import type { ResolvedOptions } from './sim-types.js';

export interface SimCard {
  outTrackId: string;
  cardTemplateId: string;
  callbackType?: string;
  cardParamMap: Record<string, string>;
  privateData: Record<string, Record<string, string>>;
  /** Where it was delivered: group conversation ids and robot 1:1 user ids. */
  conversationIds: string[];
  userIds: string[];
}

export interface SimState {
  opts: ResolvedOptions;
  org: SimOrg;
  tokens: SimTokens;
  sent: SentLog;
  cards: Map<string, SimCard>;
  sessions: Map<string, WebhookSession>;
  stream: SimStream;
  faults: SimFaults;
  events: SimEvents;
  /** Scene-group `uuid` → openConversationId, for idempotent creates. */
  sceneGroupUuids: Map<string, string>;
  /** Yida form instances (served by routes-yida.ts) and the callbacks sent. */
  yida: SimYida;
}

/**
 * `auth`: `v1` needs header x-acs-dingtalk-access-token, `oapi` needs ?access_token=, `none` needs
 * nothing (token endpoints, gateway, session webhooks). `gateway` routes ignore `faults.down`.
 */
export interface Route {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  auth: 'v1' | 'oapi' | 'none';
  gateway?: boolean;
  /** The path is a prefix (an id follows it, e.g. `/v1.0/yida/forms/instances/{id}`). */
  prefix?: boolean;
  handle(ctx: RouteCtx, s: SimState): Reply | Promise<Reply>;
}
