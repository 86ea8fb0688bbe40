import type { Command } from './command.js';

/** Edit distance (insert, delete, substitute; one per code point): small words only, so the plain table. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[y.length]!;
}

/** How far a typo may be from a command word: one slip in short words, two in longer ones. */
const reach = (word: string) => ([...word].length <= 4 ? 1 : 2);

/**
 * The command words (names and aliases, both languages) closest to an unknown word, best first, at
 * most `max`; the word shown is the one matched (an alias in Chinese stays in Chinese), one per command.
 */
export function suggestCommands(commands: readonly Command[], word: string, max = 3): string[] {
  const w = word.normalize('NFKC').toLowerCase();
  if (!w) return [];
  const best: Array<{ word: string; d: number; order: number }> = [];
  commands.forEach((c, order) => {
    const near = [c.name, ...c.aliases]
      .filter((n) => [...n].length > 1)
      .map((n) => ({ word: n, d: editDistance(w, n.toLowerCase()) }))
      .filter((m) => m.d <= Math.min(reach(w), reach(m.word)))
      .sort((p, q) => p.d - q.d)[0];
    if (near) best.push({ ...near, order });
  });
  return best.sort((p, q) => p.d - q.d || p.order - q.order).slice(0, max).map((m) => m.word);
}
