/**
 * Downstream frames exactly as DingTalk's stream server writes them (dingtalk-api.md §1.3):
 * `headers.time` is a string of epoch ms, `data` is a JSON string that clients parse a second time.
 */

export type FrameType = 'SYSTEM' | 'EVENT' | 'CALLBACK';

export interface DownFrame {
  specVersion: '1.0';
  type: FrameType;
  headers: Record<string, string>;
  data: string;
}

export interface FrameSpec {
  type: FrameType;
  topic: string;
  /** Already JSON-encoded payload. */
  data: string;
  /** Extra headers (EVENT meta fields). */
  headers?: Record<string, string>;
}

export function buildFrame(
  spec: FrameSpec,
  meta: { messageId: string; connectionId: string; appId: string; now: number },
): DownFrame {
  const base: Record<string, string> = {
    appId: meta.appId,
    connectionId: meta.connectionId,
    contentType: 'application/json',
    messageId: meta.messageId,
    time: String(meta.now),
    topic: spec.topic,
  };
  return { specVersion: '1.0', type: spec.type, headers: { ...base, ...spec.headers }, data: spec.data };
}

/** An upstream frame from a client, loosely parsed: anything malformed yields undefined. */
export interface UpFrame {
  code: number;
  headers: Record<string, unknown>;
  message: string;
  data: string;
}

export function parseUpFrame(raw: string): UpFrame | undefined {
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!v || typeof v !== 'object') return undefined;
  const f = v as Record<string, unknown>;
  const headers = f.headers && typeof f.headers === 'object' ? (f.headers as Record<string, unknown>) : {};
  if (typeof headers.messageId !== 'string') return undefined;
  return {
    code: typeof f.code === 'number' ? f.code : Number(f.code),
    headers,
    message: typeof f.message === 'string' ? f.message : '',
    data: typeof f.data === 'string' ? f.data : JSON.stringify(f.data ?? null),
  };
}

export function tryParseJson(s: string): unknown {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return undefined;
  }
}
