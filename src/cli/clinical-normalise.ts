import { createClinicalNormaliser, type ClinicalNormaliser } from '../domain/clinical/clinical-normaliser.js';

/**
 * `npm run -s clinical -- normalise [--batch] [text…]` (issue 13 item 6). With --batch, reads lines
 * `{"text":"薄血丸"}` and writes one line per input line,
 * `{"matches":[{"entry":"drug.warfarin","canonical":"warfarin","how":"exact","score":1}]}`, best
 * match first (`"matches":[]` when none); a line that is not such an object gets
 * `{"error":"…"}` instead. Without --batch, normalises the arguments joined by spaces.
 */
export interface NormaliseIo {
  lines(): AsyncIterable<string>;
  out(obj: unknown): void;
  err(msg: string): void;
}

export const NORMALISE_HELP = `Usage: npm run -s clinical -- normalise [--batch] [text…]

  --batch   Read one JSON object per line, {"text":"…"}, and write one line per input:
            {"matches":[{"entry":"…","canonical":"…","how":"exact|converted|sound-alike","score":1}]}
  text…     Normalise the arguments (joined by spaces) and write one such line.
`;

export interface NormaliseOutput {
  matches: Array<{ entry: string; canonical: string; how: string; score: number }>;
}

/** The wire form of one text's matches: only the four fields of the contract, best first. */
export function normaliseLine(normaliser: ClinicalNormaliser, text: string): NormaliseOutput {
  return { matches: normaliser.normalise(text).map((m) => ({ entry: m.entry, canonical: m.canonical, how: m.how, score: m.score })) };
}

export async function runNormalise(
  argv: readonly string[],
  io: NormaliseIo,
  normaliser: ClinicalNormaliser = createClinicalNormaliser(),
): Promise<number> {
  const args = argv[0] === 'normalise' ? argv.slice(1) : [...argv];
  if (args.includes('--help') || args.includes('help')) {
    io.err(NORMALISE_HELP);
    return 0;
  }
  if (!args.includes('--batch')) {
    const text = args.join(' ').trim();
    if (text === '') {
      io.err(NORMALISE_HELP);
      return 2;
    }
    io.out(normaliseLine(normaliser, text));
    return 0;
  }
  if (args.some((a) => a !== '--batch')) {
    io.err(`normalise: --batch takes its input from stdin, not arguments\n${NORMALISE_HELP}`);
    return 2;
  }
  for await (const line of io.lines()) {
    if (line.trim() === '') continue;
    const text = textOf(line);
    io.out(typeof text === 'string' ? safely(normaliser, text) : text);
  }
  return 0;
}

/** One line never ends the batch: a failure is reported on that line (by its name only). */
function safely(normaliser: ClinicalNormaliser, text: string): NormaliseOutput | { error: string } {
  try {
    return normaliseLine(normaliser, text);
  } catch (e) {
    return { error: `normalising failed (${(e as Error)?.name ?? 'error'})` };
  }
}

/** The text of one batch line, or the error object to write for it. */
function textOf(line: string): string | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { error: 'not JSON: expected {"text":"…"}' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'expected an object {"text":"…"}' };
  const text = (value as { text?: unknown }).text;
  if (typeof text !== 'string') return { error: 'expected "text" to be a string' };
  return text;
}
