import type { Lang } from './messages.js';

/**
 * Picks the UI language: a choice the user made wins, then DingTalk's client language, then the
 * browser's list. Any Chinese variant maps to zh-HK (the only Chinese UI; Traditional script is what
 * Hong Kong clinicians read), any other language to English; with nothing to go on, zh-HK.
 */
export function detectLanguage(input: { saved?: string | null; dingtalk?: string | null; browser?: readonly string[] }): Lang {
  if (input.saved === 'en' || input.saved === 'zh-HK') return input.saved;
  // jsapi reports '*' when it does not know the client's language.
  const candidates = [input.dingtalk, ...(input.browser ?? [])].filter((l): l is string => !!l && l !== '*');
  const first = candidates[0];
  if (!first) return 'zh-HK';
  return first.toLowerCase().startsWith('zh') ? 'zh-HK' : 'en';
}
