import { specialtyFromWord, specialtyLabel, type Specialty } from '../../contract/specialties.js';
import type { InstitutionRow } from '../../domain/directory/directory-repository.js';
import { parseHkWhen } from '../../shared/hk-wall-clock.js';
import { DomainError } from '../../shared/errors.js';
import type { Lang } from '../i18n.js';

/** The roster's name in the reader's language: "Cardiology · QMH". */
export function rosterName(specialty: Specialty, institution: InstitutionRow, lang: Lang): string {
  return `${specialtyLabel(specialty, lang)} · ${institution.code}`;
}

/** Words that are not roster words: @-mention text ("@Dr", "Chan") and the keywords below are skipped by the callers. */
const LEVEL_WORDS: Record<string, 'first' | 'second' | 'shift'> = {
  first: 'first', '1st': 'first', 第一: 'first', second: 'second', '2nd': 'second', 第二: 'second', shift: 'shift', 當班: 'shift',
};

export function levelWord(words: readonly string[]): 'first' | 'second' | 'shift' | undefined {
  for (const w of words) {
    const level = LEVEL_WORDS[w.toLowerCase()];
    if (level) return level;
  }
  return undefined;
}

/**
 * The specialty and hospital of `oncall <specialty> <hospital>`: the specialty may be several words
 * ("respiratory medicine") and either order is accepted; undefined when the words name none.
 */
export function specialtyAndCode(words: readonly string[]): { specialty: Specialty; code: string } | undefined {
  if (words.length < 2) return undefined;
  const last = words.at(-1)!;
  const front = specialtyFromWord(words.slice(0, -1).join(' '));
  if (front) return { specialty: front, code: last.toUpperCase() };
  const back = specialtyFromWord(words.slice(1).join(' '));
  if (back) return { specialty: back, code: words[0]!.toUpperCase() };
  throw new DomainError('specialty.unknown');
}

/**
 * The time after a keyword (`until 20:00`, `from 2030-01-07 08:00`; 至/由): HK time, a bare HH:mm
 * meaning its next occurrence. undefined when the keyword is absent; roster.time_invalid when unreadable.
 */
export function timeAfter(words: readonly string[], keys: readonly string[], now: number): number | undefined {
  const i = words.findIndex((w) => keys.includes(w.toLowerCase()));
  if (i < 0) return undefined;
  const one = words[i + 1] ?? '';
  const two = `${one} ${words[i + 2] ?? ''}`;
  const at = parseHkWhen(two, now) ?? parseHkWhen(one, now);
  if (at === undefined) throw new DomainError('roster.time_invalid');
  return at;
}

/** The words before the first keyword or @-mention: the roster's specialty and hospital. */
export function rosterWords(words: readonly string[], keywords: readonly string[]): string[] {
  const end = words.findIndex((w) => w.startsWith('@') || keywords.includes(w.toLowerCase()) || LEVEL_WORDS[w.toLowerCase()] !== undefined);
  return end < 0 ? [...words] : words.slice(0, end);
}
