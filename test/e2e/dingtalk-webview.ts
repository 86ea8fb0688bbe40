import type { BrowserContext } from 'playwright-core';

/**
 * The DingTalk client's side of an H5 micro-app, for the e2e: the user agent DingTalk's WebView sends
 * and its native JSAPI bridge, stubbed before any page script runs. The mini-app's real dingtalk-jsapi
 * finds the bridge it expects on that platform (Android: `nuva`; iOS: `WebViewJavascriptBridge`) and
 * calls it; the stub hands the call to the test (as DingTalk's native code would hand it to DingTalk's
 * servers), which answers with an auth code the sandbox DingTalk simulator issued for the user.
 */
export type DingTalkPlatform = 'android' | 'ios';

const CLIENT_VERSION = '7.6.30';

/** The shape real DingTalk mobile clients send: `AliApp(DingTalk/x.y.z)` and the client's UI language. */
export function dingTalkUserAgent(platform: DingTalkPlatform, language: string): string {
  return platform === 'android'
    ? `Mozilla/5.0 (Linux; U; Android 14; ${language}; SM-S9180 Build/UP1A.231005.007) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.230 Mobile Safari/537.36 AliApp(DingTalk/${CLIENT_VERSION}) com.alibaba.android.rimet/40198521 Channel/700159 language/${language} abi/64 UT4Aplus/0.2.25 colorScheme/light`
    : `Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 AliApp(DingTalk/${CLIENT_VERSION}) com.laiwang.DingTalk/40198521 Channel/201200 language/${language} UT4Aplus/0.0.6 WK`;
}

/** What the native side answers: a code, or a JSAPI failure (`-1` cancelled, `1` no such API, `7` no permission). */
export type NativeAnswer = { ok: true; result: Record<string, unknown> } | { ok: false; errorCode: string; errorMessage: string };

export interface JsapiCall {
  method: string;
  params: Record<string, unknown>;
}

export interface DingTalkWebview {
  /** Every JSAPI call that reached the native bridge, in order. */
  calls: JsapiCall[];
  /** Every auth code handed to the page, in order. */
  codes: string[];
  /** Where the next auth codes come from (default: a fresh code from the simulator for the user). */
  codeSource: () => Promise<string>;
  /** JSAPI methods this client refuses, with its answer (e.g. an old client without the unified API). */
  refuse: Map<string, { errorCode: string; errorMessage: string }>;
}

const AUTH_CODE_APIS = new Set(['runtime.permission.requestAuthCodeV2', 'runtime.permission.requestAuthCode']);

/** A fresh 5-minute, single-use 免登 code for `userId`, issued by the sandbox's DingTalk simulator. */
export async function simulatorAuthCode(baseUrl: string, userId: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/sandbox/auth-code`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  if (!res.ok) throw new Error(`simulator refused an auth code for ${userId}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { code: string }).code;
}

/** Installs the bridge stub in every page of `context` (the context must carry the DingTalk user agent). */
export async function actAsDingTalk(context: BrowserContext, opts: { platform: DingTalkPlatform; baseUrl: string; userId: string }): Promise<DingTalkWebview> {
  const webview: DingTalkWebview = { calls: [], codes: [], codeSource: () => simulatorAuthCode(opts.baseUrl, opts.userId), refuse: new Map() };
  await context.exposeFunction('__e2eDingTalkNative', async (method: string, params: Record<string, unknown>): Promise<NativeAnswer> => {
    webview.calls.push({ method, params });
    const refused = webview.refuse.get(method);
    if (refused) return { ok: false, ...refused };
    if (!AUTH_CODE_APIS.has(method)) return { ok: false, errorCode: '1', errorMessage: `API not stubbed: ${method}` };
    const code = await webview.codeSource();
    webview.codes.push(code);
    return { ok: true, result: { code } };
  });
  await context.addInitScript({ content: bridgeScript(opts.platform) });
  return webview;
}

/**
 * Runs in the page before its scripts: the native bridge DingTalk's WebView injects on that platform.
 * Plain JavaScript text, not a function: tsx would wrap a function's inner closures in a helper that
 * does not exist in the page.
 */
function bridgeScript(platform: DingTalkPlatform): string {
  const native = `(method, params) => window.__e2eDingTalkNative(method, JSON.parse(JSON.stringify(params || {})))`;
  return platform === 'android'
    ? // nuva.require() gives the Android bridge: (onSuccess, onFail, namespace, method, params).
      `(() => {
        const native = ${native};
        window.nuva = {
          isReady: true,
          require: () => (ok, fail, ns, name, params) => {
            native(ns + '.' + name, params).then((r) => (r.ok ? ok(r.result) : fail({ errorCode: r.errorCode, errorMessage: r.errorMessage })));
          },
        };
      })();`
    : `(() => {
        const native = ${native};
        window.WebViewJavascriptBridge = {
          init: () => undefined,
          registerHandler: () => undefined,
          callHandler: (name, params, cb) => {
            native(name, params).then((r) => cb(r.ok ? { errorCode: '0', result: r.result } : { errorCode: r.errorCode, errorMessage: r.errorMessage }));
          },
        };
      })();`;
}
