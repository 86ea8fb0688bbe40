/**
 * What happens to a robot message after sending: recall (§4.5, note the lower-case `otoMessages`
 * in the 1:1 recall path) and read status (§4.6).
 */
import { checkRobotCode } from './robot-validate.js';
import { asRecord, isNonEmptyString, isStringArray, ok, v1Error, type Reply, type RouteCtx } from './sim-http.js';
import type { Route, SimState } from './sim-state.js';

const RECALL_MAX_KEYS = 20;

function recall(ctx: RouteCtx, s: SimState, kind: 'group' | 'oto'): Reply {
  const b = asRecord(ctx.body);
  const bad = checkRobotCode(s, b.robotCode);
  if (bad) return bad;
  if (kind === 'group' && !isNonEmptyString(b.openConversationId)) {
    return v1Error(400, 'miss.openConversationId', 'openConversationId is missing');
  }
  if (!isStringArray(b.processQueryKeys) || b.processQueryKeys.length === 0) {
    return v1Error(400, 'invalidParameter.processQueryKeys.empty', 'processQueryKeys is empty');
  }
  if (b.processQueryKeys.length > RECALL_MAX_KEYS) {
    return v1Error(400, 'invalidParameter.processQueryKeys.overMax', 'processQueryKeys exceeds 20');
  }
  const conversationId = kind === 'group' ? String(b.openConversationId) : undefined;
  const successResult: string[] = [];
  const failedResult: Record<string, string> = {};
  for (const key of b.processQueryKeys) {
    if (s.sent.recall(key, kind, conversationId)) successResult.push(key);
    else failedResult[key] = 'invalid.processQueryKey';
  }
  if (successResult.length > 0) {
    const userIds = successResult.flatMap((k) => s.sent.messages.get(k)?.userIds ?? []);
    s.sent.add({ via: 'recall', conversationId, userIds: kind === 'oto' ? userIds : undefined, text: '', raw: ctx.body });
  }
  return ok({ successResult, failedResult });
}

const groupRecall: Route = {
  method: 'POST',
  path: '/v1.0/robot/groupMessages/recall',
  auth: 'v1',
  handle: (ctx, s) => recall(ctx, s, 'group'),
};

const otoRecall: Route = {
  method: 'POST',
  path: '/v1.0/robot/otoMessages/batchRecall',
  auth: 'v1',
  handle: (ctx, s) => recall(ctx, s, 'oto'),
};

const otoReadStatus: Route = {
  method: 'GET',
  path: '/v1.0/robot/oToMessages/readStatus',
  auth: 'v1',
  handle(ctx, s): Reply {
    const bad = checkRobotCode(s, ctx.query.get('robotCode') ?? undefined);
    if (bad) return bad;
    const m = s.sent.messages.get(ctx.query.get('processQueryKey') ?? '');
    if (!m || m.kind !== 'oto') return v1Error(400, 'invalid.processQueryKey', 'processQueryKey is invalid');
    return ok({
      sendStatus: m.recalled ? 'RECALLED' : 'SUCCESS',
      messageReadInfoList: m.userIds.map((userId) => ({
        name: s.org.users.get(userId)?.name ?? '',
        userId,
        readStatus: m.readBy.has(userId) ? 'READ' : 'UNREAD',
      })),
    });
  },
};

const groupReadQuery: Route = {
  method: 'POST',
  path: '/v1.0/robot/groupMessages/query',
  auth: 'v1',
  handle(ctx, s): Reply {
    const b = asRecord(ctx.body);
    const bad = checkRobotCode(s, b.robotCode);
    if (bad) return bad;
    const m = s.sent.messages.get(isNonEmptyString(b.processQueryKey) ? b.processQueryKey : '');
    if (!m || m.kind !== 'group') return v1Error(400, 'invalid.processQueryKey', 'processQueryKey is invalid');
    const max = Math.min(typeof b.maxResults === 'number' && b.maxResults > 0 ? b.maxResults : 200, 200);
    const start = isNonEmptyString(b.nextToken) ? Number(b.nextToken) || 0 : 0;
    const readers = [...m.readBy.keys()];
    const page = readers.slice(start, start + max);
    const hasMore = start + max < readers.length;
    return ok({
      sendStatus: m.recalled ? 'RECALLED' : 'SUCCESS',
      readUserIds: page,
      readUsers: page.map((userId) => ({ userId, unionId: s.org.users.get(userId)?.unionId ?? '' })),
      hasMore,
      ...(hasMore ? { nextToken: String(start + max) } : {}),
    });
  },
};

export const robotTrackRoutes: Route[] = [groupRecall, otoRecall, otoReadStatus, groupReadQuery];
