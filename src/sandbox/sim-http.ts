/**
 * The two DingTalk answer styles. v1.0 (api.dingtalk.com): errors are non-2xx with
 * `{code, message, requestid}`. oapi (oapi.dingtalk.com): always HTTP 200 with `{errcode, errmsg}`.
 */
import type { IncomingMessage } from 'node:http';
import { requestId } from './sim-ids.js';

export interface Reply {
  status: number;
  body: unknown;
  contentType?: string;
}

export type Host = 'api' | 'oapi';

export interface RouteCtx {
  method: string;
  /** Path as the client sent it (with `/oapi` for oapi routes), without the query. */
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: IncomingMessage['headers'];
}

export const ok = (body: unknown): Reply => ({ status: 200, body });

export const v1Error = (status: number, code: string, message = code): Reply => ({
  status,
  body: { code, message, requestid: requestId() },
});

export const oapiOk = (fields: Record<string, unknown>): Reply => ({
  status: 200,
  body: { errcode: 0, errmsg: 'ok', ...fields, request_id: requestId() },
});

export const oapiError = (errcode: number, errmsg: string, extra: Record<string, unknown> = {}): Reply => ({
  status: 200,
  body: { errcode, errmsg, ...extra, request_id: requestId() },
});

/** Error in the style of the host the path belongs to. */
export function hostError(host: Host, status: number, code: string, message = code): Reply {
  return host === 'oapi' ? { ...oapiError(-1, message), status } : v1Error(status, code, message);
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Parses JSON or (oapi accepts both) form bodies; `undefined` for an empty body, `Error` when unreadable. */
export function parseBody(raw: string, contentType: string | undefined): unknown {
  if (raw.trim() === '') return undefined;
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(raw));
  }
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return new Error('invalid json');
  }
}

/** Narrows an unknown body to a plain record (or an empty one), for field-by-field validation. */
export function asRecord(body: unknown): Record<string, unknown> {
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

export const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

export const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');
