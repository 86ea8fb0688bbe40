/**
 * Body checks shared by the robot send APIs, with the error codes of dingtalk-api.md §4.7
 * (HTTP 400, v1.0 style).
 */
import { isNonEmptyString, v1Error, type Reply } from './sim-http.js';
import type { SimState } from './sim-state.js';

const MSG_PARAM_MAX_BYTES = 15_000;

const REQUIRED_FIELDS: Record<string, string[]> = {
  sampleText: ['content'],
  sampleMarkdown: ['title', 'text'],
  sampleImageMsg: ['photoURL'],
  sampleLink: ['text', 'title', 'messageUrl'],
  sampleActionCard: ['title', 'text', 'singleTitle', 'singleURL'],
  sampleActionCard2: ['title', 'text'],
  sampleActionCard3: ['title', 'text'],
  sampleActionCard4: ['title', 'text'],
  sampleActionCard5: ['title', 'text'],
  sampleActionCard6: ['title', 'text'],
  sampleAudio: ['mediaId', 'duration'],
  sampleFile: ['mediaId', 'fileName', 'fileType'],
  sampleVideo: ['duration', 'videoMediaId', 'videoType', 'picMediaId'],
};

/** Checks robotCode; undefined when it names this simulator's bot. */
export function checkRobotCode(s: SimState, robotCode: unknown): Reply | undefined {
  if (!isNonEmptyString(robotCode)) return v1Error(400, 'invalidParameter.robotCode.empty', 'robotCode is empty');
  if (robotCode !== s.org.bot.robotCode) {
    return v1Error(400, 'invalidParameter.robotCode.notExsit', 'robot does not exist');
  }
  return undefined;
}

/** Checks msgKey + msgParam (a JSON *string*); returns the parsed param or an error reply. */
export function checkMessage(
  msgKey: unknown,
  msgParam: unknown,
): { ok: true; msgKey: string; param: Record<string, unknown> } | { ok: false; reply: Reply } {
  const fail = (code: string, message: string) => ({ ok: false as const, reply: v1Error(400, code, message) });
  if (!isNonEmptyString(msgKey)) return fail('invalidParameter.msgKey.empty', 'msgKey is empty');
  const required = REQUIRED_FIELDS[msgKey];
  if (!required) return fail('invalidParameter.msgKey.invalid', 'msgKey is invalid');
  if (typeof msgParam !== 'string') return fail('invalidParameter.msgParam.invalid', 'msgParam must be a JSON string');
  if (Buffer.byteLength(msgParam, 'utf8') > MSG_PARAM_MAX_BYTES) {
    return fail('invalidParameter.msgParam.tooLong', 'msgParam is too long');
  }
  let param: unknown;
  try {
    param = JSON.parse(msgParam);
  } catch {
    return fail('invalidParameter.msgParam.invalid', 'msgParam is not valid JSON');
  }
  if (!param || typeof param !== 'object' || Array.isArray(param)) {
    return fail('invalidParameter.msgParam.invalid', 'msgParam must be a JSON object');
  }
  const p = param as Record<string, unknown>;
  const missing = required.filter((k) => p[k] === undefined || p[k] === '');
  if (missing.length > 0) return fail('invalidParameter.msgParam.invalid', `msgParam misses ${missing.join(', ')}`);
  return { ok: true, msgKey, param: p };
}
