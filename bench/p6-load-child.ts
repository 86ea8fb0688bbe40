/**
 * Run by P6 in a fresh process: resident memory before and after loading the interaction rule set,
 * and the load time. Prints one JSON line.
 */
import { loadInteractionRuleSet } from '../src/domain/clinical/interaction-rules-loader.js';

const settle = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage();
};
const before = settle();
const t = performance.now();
const set = loadInteractionRuleSet();
const loadMs = performance.now() - t;
const after = settle();
process.stdout.write(
  `${JSON.stringify({ loadMs, rssBeforeMb: before.rss / 2 ** 20, rssAfterMb: after.rss / 2 ** 20, heapDeltaMb: (after.heapUsed - before.heapUsed) / 2 ** 20, rules: set.rules.length, ingredients: set.ingredients.size })}\n`,
);
