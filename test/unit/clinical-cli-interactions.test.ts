import { describe, expect, it } from 'vitest';
import { runInteractions, type InteractionsDeps } from '../../src/cli/clinical-interactions.js';
import type { ClinicalCliIo } from '../../src/cli/clinical-io.js';
import { createInteractionChecker } from '../../src/domain/clinical/interaction-checker.js';
import { lazyInteractionRuleSet } from '../../src/domain/clinical/interaction-rules-loader.js';
import { stubResolver } from './clinical-fixtures.js';

const deps: InteractionsDeps = {
  resolver: stubResolver({
    warfarin: ['warfarin'],
    metronidazole: ['metronidazole'],
    Flagyl: ['metronidazole'],
    '薄血丸': ['warfarin'],
    acetaminophen: ['paracetamol'],
    'co-trimoxazole': ['sulfamethoxazole', 'trimethoprim'],
    methotrexate: ['methotrexate'],
    amlodipine: ['amlodipine'],
  }),
  checker: createInteractionChecker(lazyInteractionRuleSet()),
};

async function run(argv: string[], input: string[] = []): Promise<{ code: number; out: unknown[]; err: string[] }> {
  const out: unknown[] = [];
  const err: string[] = [];
  const io: ClinicalCliIo = {
    lines: async function* () {
      yield* input;
    },
    out: (o) => out.push(JSON.parse(JSON.stringify(o))),
    err: (m) => err.push(m),
  };
  const code = await runInteractions(argv, io, deps);
  return { code, out, err };
}

describe('clinical interactions command', () => {
  it('When a batch line names two interacting drugs, then its output line is exactly the contract', async () => {
    const { code, out } = await run(['--batch'], ['{"drugs":["warfarin","metronidazole"]}']);
    expect(code).toBe(0);
    expect(out).toEqual([{ alerts: [{ drugs: ['warfarin', 'metronidazole'], severity: 'major', rule: 'anticoag-warfarin-metronidazole' }], unresolved: [] }]);
  });

  it('When a batch has brand, Chinese, unknown, non-interacting, blank and bad lines, then each input line gets exactly one line, in order', async () => {
    const { code, out } = await run(
      ['--batch'],
      [
        '{"drugs":["薄血丸","Flagyl"]}',
        '',
        '{"drugs":["warfarin","no-such-drug"]}',
        '{"drugs":["amlodipine","acetaminophen"]}',
        'not json',
        '{"drugs":"warfarin"}',
        '{"drugs":["co-trimoxazole"]}',
        '{"drugs":["co-trimoxazole","methotrexate"]}',
        '{"drugs":[]}',
      ],
    );
    expect(code).toBe(0);
    expect(out).toEqual([
      { alerts: [{ drugs: ['薄血丸', 'Flagyl'], severity: 'major', rule: 'anticoag-warfarin-metronidazole' }], unresolved: [] },
      { alerts: [], unresolved: ['no-such-drug'] },
      { alerts: [], unresolved: [] },
      { error: expect.stringMatching(/not JSON/) },
      { error: expect.stringMatching(/expected/) },
      { alerts: [], unresolved: [] },
      { alerts: [{ drugs: ['co-trimoxazole', 'methotrexate'], severity: 'major', rule: 'abx-trimethoprim-methotrexate' }], unresolved: [] },
      { alerts: [], unresolved: [] },
    ]);
  });

  it('When drugs are given as arguments, then one line is written; with --details the alert carries mechanism and sources', async () => {
    expect((await run(['warfarin', 'Flagyl'])).out).toEqual([{ alerts: [{ drugs: ['warfarin', 'Flagyl'], severity: 'major', rule: 'anticoag-warfarin-metronidazole' }], unresolved: [] }]);
    const [detailed] = (await run(['--details', 'warfarin', 'metronidazole'])).out as Array<{ alerts: Array<Record<string, unknown>> }>;
    expect(detailed!.alerts[0]).toMatchObject({ mechanism: expect.any(String), action: expect.any(String), sources: expect.any(Array), reviewed: false });
  });

  it('When no drug is given without --batch, then it prints usage on stderr, nothing on stdout, and exits 2', async () => {
    const { code, out, err } = await run([]);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('\n')).toMatch(/usage/);
  });
});
