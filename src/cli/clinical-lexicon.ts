import { writeFileSync } from 'node:fs';
import { LEXICON_FILE } from '../domain/clinical/lexicon-file.js';
import { exitWith } from './cli-exit.js';
import { compileLexicon, serialiseLexicon } from './clinical-lexicon-compile.js';
import { readLexiconSources } from './clinical-lexicon-sources.js';

/**
 * `npm run -s clinical:lexicon`: rebuilds config/clinical/lexicon.json from the curated sources in
 * config/clinical/lexicon-sources/ (Simplified ↔ Traditional forms and jyutping precomputed).
 * Commit the result; test/unit/clinical-lexicon-in-step.test.ts fails when it is out of step.
 */
async function main(): Promise<number> {
  let file;
  try {
    file = compileLexicon(readLexiconSources());
  } catch (e) {
    // The sources are ours, not patient data: show the whole list of problems.
    process.stderr.write(`${(e as Error).message}\n`);
    return 1;
  }
  writeFileSync(LEXICON_FILE, serialiseLexicon(file));
  const terms = file.entries.reduce((n, e) => n + e.exact.length + e.converted.length, 0);
  process.stderr.write(`clinical lexicon: ${file.entries.length} entries, ${terms} terms → ${LEXICON_FILE}\n`);
  return 0;
}

exitWith('clinical:lexicon', main());
