/**
 * The languages ConsultBridge answers in: English, and Chinese in Traditional script (what Hong Kong
 * clinicians read). There are no Simplified texts, so every Chinese variant — zh-HK, zh-Hant, zh-TW,
 * and zh-CN / zh-Hans too — is answered in Traditional.
 */
export type Lang = 'en' | 'zh';

/** A language tag (`zh-HK`, `en_US`, `zh`) as one of ours; undefined for any other language or `*`. */
export function langOfTag(tag: string): Lang | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'zh') return 'zh';
  if (primary === 'en') return 'en';
  return undefined;
}

/**
 * The best of our languages for an `Accept-Language` header: tags by weight (`q`), highest first, in
 * header order on a tie; the first that is English or Chinese wins; English when none is (or no header).
 */
export function langFromAcceptLanguage(header: string | undefined): Lang {
  if (!header) return 'en';
  const ranked = header
    .slice(0, 512)
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.split(';');
      const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
      const weight = q === undefined ? 1 : Number(q);
      return { tag, weight: Number.isFinite(weight) ? weight : 0, i };
    })
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.i - b.i);
  for (const r of ranked) {
    const lang = langOfTag(r.tag);
    if (lang) return lang;
  }
  return 'en';
}

/**
 * The one rule for the language of every answer — chat replies, mini-app screens, HTTP errors and
 * notifications: the user's preference (set in Me; a new user's starts as DingTalk's language), else
 * the language DingTalk reports for this client (its tag or `Accept-Language`), else English. Never the
 * characters of the message: a Chinese name in an @-mention does not turn an English reader's reply
 * into Chinese.
 */
export function replyLang(input: { preference?: string | null; dingtalk?: string | null }): Lang {
  if (input.preference === 'en' || input.preference === 'zh') return input.preference;
  return input.dingtalk ? langFromAcceptLanguage(input.dingtalk) : 'en';
}

/** The reader's language for a notification sent to someone other than the sender. */
export function langOf(c: { language?: string | null } | undefined): Lang {
  return replyLang({ preference: c?.language });
}
