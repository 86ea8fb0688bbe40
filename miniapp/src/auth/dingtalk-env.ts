import { getENV } from 'dingtalk-jsapi/lib/env';

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
    const language = env.language && env.language !== '*' ? String(env.language).replace('_', '-') : null;
    return { inDingTalk: env.platform !== 'notInDingTalk', language };
  } catch {
    return { inDingTalk: false, language: null };
  }
}

/** A one-time, 5-minute auth code for the signed-in DingTalk user (免登). */
export async function requestDingTalkAuthCode(corpId: string, clientId: string): Promise<string> {
  await import('dingtalk-jsapi/entry/union');
  const { default: requestAuthCode } = await import('dingtalk-jsapi/api/union/requestAuthCode');
  const { code } = await requestAuthCode({ corpId, clientId });
  return code;
}
