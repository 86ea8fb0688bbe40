import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs `npm run -s clinical -- …` as a script would, with these stdin lines. */
function npmClinical(args: string[], stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '-s', 'clinical', '--', ...args], { cwd: process.cwd(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('npm run -s clinical -- interactions', () => {
  it('When fed a batch, then stdout holds exactly one JSON object per input line and nothing else', async () => {
    const input = ['{"drugs":["warfarin","metronidazole"]}', '{"drugs":["simvastatin","clarithromycin"]}', 'oops', '{"drugs":["paracetamol","no-such-drug"]}'];
    const { code, stdout } = await npmClinical(['interactions', '--batch'], input.join('\n') + '\n');
    expect(code).toBe(0);
    const lines = stdout.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(input.length);
    const out = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out[0]).toEqual({ alerts: [{ drugs: ['warfarin', 'metronidazole'], severity: 'major', rule: 'anticoag-warfarin-metronidazole' }], unresolved: [] });
    expect(out[1]).toMatchObject({ alerts: [{ drugs: ['simvastatin', 'clarithromycin'], severity: 'contraindicated' }], unresolved: [] });
    expect(out[2]).toHaveProperty('error');
    expect(out[3]).toEqual({ alerts: [], unresolved: ['no-such-drug'] });
  }, 30_000);

  it('When given drugs as arguments, then it writes one line', async () => {
    const { code, stdout } = await npmClinical(['interactions', 'warfarin', 'ibuprofen'], '');
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(stdout)).toMatchObject({ alerts: [{ drugs: ['warfarin', 'ibuprofen'], severity: 'major' }], unresolved: [] });
  }, 30_000);

  it('When names are brands, Chinese or US forms, then the lexicon resolves them and the alert keeps the names as given', async () => {
    const { code, stdout } = await npmClinical(['interactions', '--batch'], '{"drugs":["薄血丸","Flagyl"]}\n{"drugs":["Augmentin"]}\n');
    expect(code).toBe(0);
    expect(stdout.trim().split('\n').map((l) => JSON.parse(l) as unknown)).toEqual([
      { alerts: [{ drugs: ['薄血丸', 'Flagyl'], severity: 'major', rule: 'anticoag-warfarin-metronidazole' }], unresolved: [] },
      { alerts: [], unresolved: [] },
    ]);
  }, 30_000);
});

describe('npm run -s clinical -- normalise', () => {
  it('When fed a batch, then the dispatcher hands it to the normaliser: one JSON line per input', async () => {
    const { code, stdout } = await npmClinical(['normalise', '--batch'], '{"text":"薄血丸"}\n');
    expect(code).toBe(0);
    expect(stdout.trim().split('\n').map((l) => JSON.parse(l) as unknown)).toEqual([{ matches: [{ entry: 'drug.warfarin', canonical: 'warfarin', how: 'exact', score: 1 }] }]);
  }, 30_000);
});
