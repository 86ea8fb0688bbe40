/**
 * `npm run -s clinical -- <subcommand> …`: the clinical layer for scripts. One JSON object per stdout
 * line and nothing else on stdout; messages go to stderr. Wiring only: see clinical-interactions.ts.
 */
import { exitWith } from './cli-exit.js';
import { runInteractions } from './clinical-interactions.js';
import { processIo } from './clinical-io.js';
import { NORMALISE_HELP, runNormalise } from './clinical-normalise.js';
import { interactionDeps } from './clinical-wiring.js';

const HELP = `Usage: npm run -s clinical -- <command>

  interactions <drug> <drug> …      Interaction alerts for the drugs given (one JSON line).
  interactions --batch              Reads lines {"drugs":["warfarin","metronidazole"]}; writes one line each:
                                    {"alerts":[{"drugs":[…],"severity":"major","rule":"…"}],"unresolved":[]}
        [--details]                 Adds mechanism, action, alternatives and sources to each alert.
  normalise …                       Lexicon matches for a text (see below).

The interaction rules are config/clinical (see README "Clinical rules"). They support, and do not
replace, pharmacist review: no alert does not mean the combination is safe.
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const io = processIo();
  switch (command) {
    case 'interactions':
      return runInteractions(rest, io, interactionDeps());
    case 'normalise':
      return runNormalise(rest, io);
    default:
      io.err(`${HELP}\n${NORMALISE_HELP}`.trimEnd());
      return command === undefined || command === '--help' || command === 'help' ? 0 : 2;
  }
}

exitWith('clinical', main(process.argv.slice(2)));
