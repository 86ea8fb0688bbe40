/**
 * How a patient name (or a search for one) becomes the tokens of the keyed blind index. Whole tokens
 * only, never prefixes or fuzzy matches:
 * - NFKC (full-width forms fold to ASCII), then case-folded;
 * - split on whitespace, punctuation and symbols ("CHAN Tai-man" → chan, tai, man);
 * - Chinese (Han) characters are one token each ("陳大文" → 陳, 大, 文): a Chinese name has no spaces,
 *   so a search for 陳大文, 大文 or 陳 all find 陳大文.
 * A search matches a patient when every one of its tokens is among the patient's tokens.
 */
const SEPARATORS = /[\s\p{P}\p{S}]+/u;
const HAN = /\p{Script=Han}/u;

export function nameTokens(text: string | null | undefined): string[] {
  if (!text) return [];
  const out = new Set<string>();
  for (const word of text.normalize('NFKC').toLowerCase().split(SEPARATORS)) {
    if (!word) continue;
    let latin = '';
    for (const ch of word) {
      if (HAN.test(ch)) {
        if (latin) out.add(latin);
        latin = '';
        out.add(ch);
      } else {
        latin += ch;
      }
    }
    if (latin) out.add(latin);
  }
  return [...out];
}
