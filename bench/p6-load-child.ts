/**
 * Run by P6 in a fresh process: load time and resident memory of the interaction rule set, then of the
 * HK clinical lexicon (each measured as it is loaded at its first use). Prints one JSON line.
 */
import { createClinicalNormaliser } from '../src/domain/clinical/clinical-normaliser.js';
import { loadInteractionRuleSet } from '../src/domain/clinical/interaction-rules-loader.js';

const settle = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage();
};
const mb = (bytes: number) => bytes / 2 ** 20;
const m0 = settle();
let t = performance.now();
const set = loadInteractionRuleSet();
const rulesMs = performance.now() - t;
const m1 = settle();
const normaliser = createClinicalNormaliser();
t = performance.now();
normaliser.load();
const lexiconMs = performance.now() - t;
const m2 = settle();
process.stdout.write(
  `${JSON.stringify({
    rulesMs,
    lexiconMs,
    rulesRssMb: mb(m1.rss - m0.rss),
    lexiconRssMb: mb(m2.rss - m1.rss),
    bothRssMb: mb(m2.rss - m0.rss),
    bothHeapMb: mb(m2.heapUsed - m0.heapUsed),
    rules: set.rules.length,
  })}\n`,
);
