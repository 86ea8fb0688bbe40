/** A small seeded PRNG (mulberry32) and helpers, so an R6 run replays from its seed. */
export interface Rng {
  next(): number;
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
}

export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: (xs) => xs[int(xs.length)]!, chance: (p) => next() < p };
}

/** A check-digit-valid made-up HKID `X123456(d)` for test patients (the rule from the HKID card). */
export function testHkid(n: number): string {
  const letter = String.fromCharCode(65 + (n % 26));
  const digits = String(100000 + ((n * 7919) % 900000)).padStart(6, '0');
  const v = (ch: string) => (ch >= 'A' ? ch.charCodeAt(0) - 55 : Number(ch));
  const sum = 9 * 36 + 8 * v(letter) + [...digits].reduce((s, d, i) => s + (7 - i) * Number(d), 0);
  const r = 11 - (sum % 11);
  return `${letter}${digits}(${r === 10 ? 'A' : r === 11 ? '0' : String(r)})`;
}
