import { describe, expect, it } from 'vitest';
import { say } from '../../src/bot/i18n.js';
import { ACCESS_TEXTS } from '../../src/bot/texts/access-texts.js';
import { CASE_TEXTS } from '../../src/bot/texts/case-texts.js';
import { COMMON_TEXTS } from '../../src/bot/texts/common-texts.js';
import { LINK_TEXTS } from '../../src/bot/texts/link-command-texts.js';
import { NOTICE_TEXTS } from '../../src/bot/texts/notice-texts.js';
import { STATUS_CARD_TEXTS } from '../../src/bot/texts/status-card-texts.js';
import { TEAM_TEXTS } from '../../src/bot/texts/team-texts.js';

const CJK = /[\u3400-\u9fff]/;
type Entry = { en: string | ((...a: never[]) => string); zh: string | ((...a: never[]) => string) };
const TABLES: Record<string, Record<string, Entry>> = { ACCESS_TEXTS, CASE_TEXTS, COMMON_TEXTS, LINK_TEXTS, NOTICE_TEXTS, STATUS_CARD_TEXTS, TEAM_TEXTS };

describe('bot message tables', () => {
  const entries = Object.entries(TABLES).flatMap(([table, t]) => Object.entries(t).map(([key, e]) => [`${table}.${key}`, e] as const));

  it('When any entry is read, then English and Chinese are the same kind (both text, or both filled with the same values)', () => {
    const mismatched = entries.filter(([, e]) => typeof e.en !== typeof e.zh || (typeof e.en === 'function' && e.en.length !== (e.zh as () => string).length));
    expect(mismatched.map(([k]) => k)).toEqual([]);
  });

  it('When a fixed entry is read in Chinese, then it is Chinese text (translated, not a copy of the English)', () => {
    const untranslated = entries.filter(([, e]) => typeof e.zh === 'string' && (!CJK.test(e.zh) || e.zh === e.en));
    expect(untranslated.map(([k]) => k)).toEqual([]);
  });

  it('When say() fills an entry, then the values land in the reader’s language', () => {
    expect(say('en', CASE_TEXTS.alreadyLinked, 'C-7KQ2M')).toBe('This group is already linked to case C-7KQ2M.');
    expect(say('zh', CASE_TEXTS.alreadyLinked, 'C-7KQ2M')).toBe('此群組已連結個案 C-7KQ2M。');
    expect(say('zh', COMMON_TEXTS.pong)).toBe('在線 ✔');
  });
});
