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

/**
 * DingTalk's mobile clients put their UI language in the user agent (`… language/zh-Hans-CN …`,
 * `language/en-US`); jsapi only reads it from the PC container, so elsewhere it reports '*'.
 */
export function languageFromUserAgent(ua: string): string | null {
  const m = /(?:^|\s)language\/([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)/.exec(ua);
  return m?.[1] ? m[1].replace(/_/g, '-') : null;
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

/** A one-time, 5-minute auth code for the signed-in DingTalk user (免登). */
export async function requestDingTalkAuthCode(corpId: string, clientId: string): Promise<string> {
  await import('dingtalk-jsapi/entry/union');
  // The package is CommonJS: through the bundler's interop `default` is the whole exports object, not
  // the function, so take the named export (`requestAuthCode$`, the same function).
  const { requestAuthCode$ } = await import('dingtalk-jsapi/api/union/requestAuthCode');
  const { code } = await requestAuthCode$({ corpId, clientId });
  return code;
}
