/**
 * Case and width folding for the clinical lexicon: the same function folds the lexicon's terms at
 * build time and a message at run time, so both sides meet in one form.
 *
 * - Full-width Latin letters, digits and signs (what Chinese input methods type: `ＷＡＲＦＡＲＩＮ`,
 *   `５ｍｇ`) become ASCII; the ideographic space and every other space become one plain space.
 * - Letters are lower-cased (the `cased` form keeps the case, for short abbreviations such as `AF`).
 * - Dashes become spaces (`co-amoxiclav` = `co amoxiclav`), apostrophes go (`Parkinson's` =
 *   `Parkinsons`), runs of spaces become one, `+` and `&` join like `/`, and spaces around a joiner
 *   go (`paracetamol + codeine` = `paracetamol/codeine`).
 */
export interface FoldedText {
  /** Folded and lower-cased. */
  readonly text: string;
  /** Folded like `text` but with the letters' case kept; the same length as `text`. */
  readonly cased: string;
  /** For each folded character, the index of the character it came from in the input; one more at the end. */
  readonly at: readonly number[];
}

const DASHES = new Set(['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE63']);
const APOSTROPHES = new Set(["'", '\u2018', '\u2019', '\u02BC', '`']);
const JOINERS = new Set(['/']);

/** One input character as folded (before spaces are collapsed): '' drops it, ' ' is a space. */
function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (ch.length === 1 && code >= 0xff01 && code <= 0xff5e) return foldChar(String.fromCharCode(code - 0xfee0));
  if (DASHES.has(ch)) return ' ';
  if (APOSTROPHES.has(ch)) return '';
  if (ch === '+' || ch === '&') return '/';
  // Fast paths: printable ASCII and the CJK blocks hold no space.
  if ((code > 0x20 && code < 0x7f) || (code > 0x3000 && code < 0xfe00)) return ch;
  if (code === 0x3000 || code <= 0x20 || /^\s$/u.test(ch)) return ' ';
  return ch;
}

export function foldText(input: string): FoldedText {
  const cased: string[] = [];
  const at: number[] = [];
  let index = 0;
  for (const ch of input) {
    const f = foldChar(ch);
    const here = index;
    index += ch.length;
    if (f === '') continue;
    if (f === ' ') {
      const prev = cased[cased.length - 1];
      if (prev === undefined || prev === ' ' || JOINERS.has(prev)) continue;
    } else if (JOINERS.has(f) && cased[cased.length - 1] === ' ') {
      cased.pop();
      at.pop();
    }
    cased.push(f);
    at.push(here);
  }
  if (cased[cased.length - 1] === ' ') {
    cased.pop();
    at.pop();
  }
  at.push(input.length);
  const lower = cased.map((c) => {
    const l = c.toLowerCase();
    return l.length === c.length ? l : c;
  });
  return { text: lower.join(''), cased: cased.join(''), at };
}

/** The folded, lower-cased form of a lexicon term. */
export function foldTerm(term: string): string {
  return foldText(term).text;
}

/** A Latin letter or digit after folding: matches must not start or end inside a Latin word. */
export function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined || ch.length !== 1) return false;
  const c = ch.charCodeAt(0) | 0x20;
  return (c >= 0x61 && c <= 0x7a) || (ch >= '0' && ch <= '9');
}

/** A CJK ideograph (the basic block and extension A), the characters the sound-alike tier reads. */
export function isHan(ch: string | undefined): boolean {
  if (ch === undefined || ch.length !== 1) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}
