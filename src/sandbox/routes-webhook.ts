/**
 * Session-webhook replies (§4.1): no access token, valid until sessionWebhookExpiredTime, body in
 * the custom-robot format. The error codes for unknown/expired sessions are unconfirmed; we answer
 * HTTP 200 with an errcode like the old custom-robot webhooks do.
 */
import { asRecord, isNonEmptyString, oapiError, type Reply } from './sim-http.js';
import type { Route } from './sim-state.js';
import { textOfWebhook } from './sim-text.js';

const WEBHOOK_KINDS = ['text', 'markdown', 'actionCard', 'link', 'feedCard'];

const sendBySession: Route = {
  method: 'POST',
  path: '/oapi/robot/sendBySession',
  auth: 'none',
  handle(ctx, s): Reply {
    const session = s.sessions.get(ctx.query.get('session') ?? '');
    if (!session) return oapiError(300005, 'token is not exist');
    if (session.expiresAt <= s.opts.clock.now()) return oapiError(300001, 'session is expired');
    const b = asRecord(ctx.body);
    if (!isNonEmptyString(b.msgtype) || !WEBHOOK_KINDS.includes(b.msgtype)) {
      return oapiError(40035, '缺少参数 msgtype');
    }
    const text = textOfWebhook(b);
    if (b.msgtype === 'text' || b.msgtype === 'markdown') {
      if (text === '') return oapiError(40035, `缺少参数 ${b.msgtype}`);
    }
    const at = asRecord(b.at);
    const atUserIds = Array.isArray(at.atUserIds) ? at.atUserIds.filter((x): x is string => typeof x === 'string') : [];
    s.sent.add({
      via: 'webhook',
      conversationId: session.conversationId,
      // A 1:1 session replies to exactly one person.
      userIds: session.conversationType === '1' ? [session.userId] : undefined,
      msgKey: b.msgtype,
      text,
      raw: ctx.body,
      atUserIds,
      inReplyTo: session.msgId,
    });
    return { status: 200, body: { errcode: 0, errmsg: 'ok' } };
  },
};

export const webhookRoutes: Route[] = [sendBySession];
