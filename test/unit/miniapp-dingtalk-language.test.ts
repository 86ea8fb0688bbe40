import { describe, expect, it } from 'vitest';
import { languageFromUserAgent } from '../../miniapp/src/auth/dingtalk-language.js';
import { detectLanguage } from '../../miniapp/src/i18n/detect-language.js';

const IOS = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 AliApp(DingTalk/7.6.30) com.laiwang.DingTalk/40198521 Channel/201200 language/zh-Hans-CN UT4Aplus/0.0.6 WK';
const ANDROID = 'Mozilla/5.0 (Linux; U; Android 14; en-US; SM-S9180) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36 AliApp(DingTalk/7.6.30) com.alibaba.android.rimet/40198521 Channel/700159 language/en_US abi/64';

describe("DingTalk's client language from its user agent", () => {
  it('reads the `language/…` token of the mobile clients (jsapi reports "*" there)', () => {
    expect(languageFromUserAgent(IOS)).toBe('zh-Hans-CN');
    expect(languageFromUserAgent(ANDROID)).toBe('en-US');
    expect(languageFromUserAgent('Mozilla/5.0 (X11; Linux x86_64) Chrome/120')).toBeNull();
  });

  it("beats the phone's own language when picking the UI language", () => {
    expect(detectLanguage({ dingtalk: languageFromUserAgent(IOS), browser: ['en-US'] })).toBe('zh-HK');
    expect(detectLanguage({ dingtalk: languageFromUserAgent(ANDROID), browser: ['zh-HK'] })).toBe('en');
  });
});
