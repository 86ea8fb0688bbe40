import type { FastifyRequest } from 'fastify';
import { replyLang, type Lang } from '../shared/lang.js';

/**
 * The language to answer a request in, by the one rule (src/shared/lang.ts `replyLang`): the signed-in
 * user's preference, else the language the client (DingTalk's webview) sends as `Accept-Language`.
 */
export function requestLang(req: FastifyRequest): Lang {
  const header = req.headers['accept-language'];
  return replyLang({ preference: req.clinician?.language ?? req.admin?.language, dingtalk: Array.isArray(header) ? header[0] : header });
}
