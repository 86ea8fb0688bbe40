/**
 * How alike two Cantonese syllables sound, in tone-less jyutping (`lam`, `seon`, `gwong`).
 *
 * A syllable is an initial, a nucleus and a coda. Near sounds count partly: the pairs that speech
 * recognisers and speakers confuse (aspiration b/p, the n/l and ng/zero-initial mergers, the
 * n/ng and t/k coda mergers, nasal codas for one another). 1 means the same syllable; 0 nothing alike.
 * The weights are a design choice documented here, not a measured confusion matrix.
 */
export interface Syllable {
  readonly initial: string;
  readonly nucleus: string;
  readonly coda: string;
}

const INITIAL = /^(ng|gw|kw|b|p|m|f|d|t|n|l|g|k|h|w|z|c|s|j)?(.*)$/;
const FINAL = /^(aa|oe|eo|yu|a|e|i|o|u)(i|u|m|n|ng|p|t|k)?$/;

/** Splits a tone-less jyutping syllable; undefined when it is not one. */
export function parseSyllable(s: string): Syllable | undefined {
  if (s === 'm' || s === 'ng') return { initial: '', nucleus: s, coda: '' };
  const [, initial = '', rest = ''] = INITIAL.exec(s) ?? [];
  const fin = FINAL.exec(rest);
  if (!fin) return undefined;
  return { initial, nucleus: fin[1]!, coda: fin[2] ?? '' };
}

function table(pairs: ReadonlyArray<readonly [string, string, number]>): Map<string, number> {
  const m = new Map<string, number>();
  for (const [a, b, v] of pairs) {
    m.set(`${a}|${b}`, v);
    m.set(`${b}|${a}`, v);
  }
  return m;
}

const NEAR_INITIALS = table([
  ['n', 'l', 0.9], ['ng', '', 0.9], ['b', 'p', 0.8], ['d', 't', 0.8], ['g', 'k', 0.8], ['gw', 'kw', 0.8],
  ['z', 'c', 0.8], ['g', 'gw', 0.8], ['k', 'kw', 0.8], ['g', 'kw', 0.6], ['k', 'gw', 0.6], ['j', '', 0.6],
  ['w', '', 0.6], ['s', 'z', 0.5], ['s', 'c', 0.5], ['h', 'f', 0.5], ['m', 'n', 0.5], ['m', 'b', 0.4],
]);
const NEAR_NUCLEI = table([
  ['oe', 'eo', 0.8], ['aa', 'a', 0.7], ['yu', 'i', 0.6], ['e', 'i', 0.5], ['o', 'u', 0.5], ['oe', 'o', 0.5],
  ['yu', 'u', 0.5], ['eo', 'o', 0.4], ['eo', 'yu', 0.4], ['e', 'a', 0.3], ['eo', 'a', 0.3], ['m', 'ng', 0.5],
]);
const NEAR_CODAS = table([
  ['n', 'ng', 0.8], ['t', 'k', 0.8], ['m', 'n', 0.6], ['p', 't', 0.6], ['m', 'ng', 0.5], ['p', 'k', 0.5],
  ['i', 'u', 0.3], ['', 'i', 0.3], ['', 'u', 0.3], ['m', 'p', 0.3], ['n', 't', 0.3], ['ng', 'k', 0.3], ['', 'ng', 0.2],
]);

function near(t: Map<string, number>, a: string, b: string): number {
  return a === b ? 1 : (t.get(`${a}|${b}`) ?? 0);
}

/** 0…1: 0.4 for the initial, 0.6 for the final (0.6 nucleus, 0.4 coda within it). */
export function syllableSimilarity(a: Syllable, b: Syllable): number {
  const initial = near(NEAR_INITIALS, a.initial, b.initial);
  const final = 0.6 * near(NEAR_NUCLEI, a.nucleus, b.nucleus) + 0.4 * near(NEAR_CODAS, a.coda, b.coda);
  return 0.4 * initial + 0.6 * final;
}

/**
 * syllableSimilarity over interned syllables (ids into `syllables`), each pair computed once and
 * kept: the sound-alike scan compares the same few hundred syllables again and again.
 */
export function similarityCache(syllables: readonly Syllable[]): (a: number, b: number) => number {
  const n = syllables.length;
  // One row per heard syllable, made when first needed: a message touches only a few of them.
  const rows: Array<Float64Array | undefined> = [];
  return (a, b) => {
    if (a === b) return 1;
    const row = (rows[a] ??= new Float64Array(n).fill(Number.NaN));
    let v = row[b]!;
    if (Number.isNaN(v)) {
      v = syllableSimilarity(syllables[a]!, syllables[b]!);
      row[b] = v;
    }
    return v;
  };
}
