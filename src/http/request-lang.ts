import type { FastifyRequest } from 'fastify';
import { langFromAcceptLanguage, type Lang } from '../shared/lang.js';

/**
 * The language to answer a request in: the signed-in user's saved preference (their directory entry,
 * taken from DingTalk), else the request's `Accept-Language`, else English.
 */
export function requestLang(req: FastifyRequest): Lang {
  const saved = req.clinician?.language ?? req.admin?.language;
  if (saved === 'en' || saved === 'zh') return saved;
  const header = req.headers['accept-language'];
  return langFromAcceptLanguage(Array.isArray(header) ? header[0] : header);
}
