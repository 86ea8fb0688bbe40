import type { Lang } from '../shared/lang.js';

/**
 * The bot answers in the sender's language — Traditional Chinese or English (简体 input is accepted) —
 * picked by the one rule for every surface (src/shared/lang.ts `replyLang`), never from the message's characters.
 */
export type { Lang };

export type Localised = { en: string; zh: string };

export function t(lang: Lang, s: Localised): string {
  return s[lang];
}

/** One chat message in both languages: fixed text, or a function of the values it shows (codes, names, links). */
export type Message<A extends unknown[] = never[]> = {
  en: string | ((...args: A) => string);
  zh: string | ((...args: A) => string);
};

/** A message table entry in the reader's language, filled with its values. */
export function say<A extends unknown[]>(lang: Lang, m: { en: string | ((...args: A) => string); zh: string | ((...args: A) => string) }, ...args: A): string {
  const text = m[lang];
  return typeof text === 'function' ? text(...args) : text;
}
