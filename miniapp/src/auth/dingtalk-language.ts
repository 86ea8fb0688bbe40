/**
 * DingTalk's mobile clients put their UI language in the user agent (`… language/zh-Hans-CN …`,
 * `language/en-US`); jsapi only reads it from the PC container, so elsewhere it reports '*'.
 */
export function languageFromUserAgent(ua: string): string | null {
  const m = /(?:^|\s)language\/([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)/.exec(ua);
  return m?.[1] ? m[1].replace(/_/g, '-') : null;
}
