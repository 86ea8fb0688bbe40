import { getENV } from 'dingtalk-jsapi/lib/env';
import { ApiError } from '../api/api-error.js';
import { languageFromUserAgent } from './dingtalk-language.js';

/**
 * What the page knows about the DingTalk client it runs in. Only the small env module is loaded up
 * front; the JSAPI bridge itself is imported when a code is actually requested, so a browser outside
 * DingTalk never downloads it.
 */
export interface DingTalkEnv {
  inDingTalk: boolean;
  /** DingTalk's client language (e.g. zh_CN, en_US), or null when unknown. */
  language: string | null;
}

export function readDingTalkEnv(): DingTalkEnv {
  try {
    const env = getENV();
    const reported = env.language && env.language !== '*' ? String(env.language).replace(/_/g, '-') : null;
    const inDingTalk = env.platform !== 'notInDingTalk';
    const language = reported ?? (inDingTalk ? languageFromUserAgent(navigator.userAgent) : null);
    return { inDingTalk, language };
  } catch {
    return { inDingTalk: false, language: null };
  }
}

/** JSAPI failure codes (dingtalk-api.md §8): -1 cancelled, 1 no such API in this client, 7 no permission. */
const jsapiErrorCode = (err: unknown): string => String((err as { errorCode?: unknown } | null)?.errorCode ?? '');

/**
 * A one-time, 5-minute auth code for the signed-in DingTalk user (免登). The unified API needs DingTalk
 * 7.0.45 (PC 7.0.50); an older client answers "no such API" and gets the classic one, which takes the
 * corpId only. Any other refusal by the client is `dingtalk.no_code`, which the sign-in screen explains.
 */
export async function requestDingTalkAuthCode(corpId: string, clientId: string): Promise<string> {
  await import('dingtalk-jsapi/entry/union');
  try {
    // The package is CommonJS: through the bundler's interop `default` is the whole exports object, not
    // the function, so take the named export (`requestAuthCode$`, the same function).
    const unified = await import('dingtalk-jsapi/api/union/requestAuthCode');
    try {
      return codeOf(await unified.requestAuthCode$({ corpId, clientId }));
    } catch (err) {
      if (jsapiErrorCode(err) !== '1') throw err;
    }
    const classic = await import('dingtalk-jsapi/api/runtime/permission/requestAuthCode');
    return codeOf(await classic.requestAuthCode$({ corpId }));
  } catch (err) {
    throw new ApiError(0, NO_CODE, `DingTalk gave no auth code (${jsapiErrorCode(err) || String(err)})`);
  }
}

export const NO_CODE = 'dingtalk.no_code';

function codeOf(answer: { code?: unknown } | undefined): string {
  if (typeof answer?.code !== 'string' || !answer.code) throw new Error('no code in the answer');
  return answer.code;
}
