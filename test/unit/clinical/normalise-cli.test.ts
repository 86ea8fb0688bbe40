import { describe, expect, it } from 'vitest';
import { runNormalise } from '../../../src/cli/clinical-normalise.js';

function io(lines: string[] = []) {
  const out: unknown[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      lines: async function* () {
        for (const l of lines) yield await Promise.resolve(l);
      },
      out: (obj: unknown) => out.push(JSON.parse(JSON.stringify(obj))),
      err: (msg: string) => err.push(msg),
    },
  };
}

describe('clinical normalise CLI (issue 13 item 6 contract)', () => {
  it('When --batch reads lines, then it writes one line per input line with exactly entry, canonical, how and score, best first', async () => {
    const t = io(['{"text":"薄血丸"}', '{"text":"今日天氣好好"}', '{"text":"Augmentin 同 必理痛"}']);
    expect(await runNormalise(['--batch'], t.io)).toBe(0);
    expect(t.out).toEqual([
      { matches: [{ entry: 'drug.warfarin', canonical: 'warfarin', how: 'exact', score: 1 }] },
      { matches: [] },
      {
        matches: [
          { entry: 'drug.co-amoxiclav', canonical: 'co-amoxiclav', how: 'exact', score: 1 },
          { entry: 'drug.paracetamol', canonical: 'paracetamol', how: 'exact', score: 1 },
        ],
      },
    ]);
  });

  it('When a batch line is not {"text": string}, then that line gets an error object and the batch goes on', async () => {
    const t = io(['not json', '{"text":5}', '[1]', '', '{"text":"华法令"}']);
    expect(await runNormalise(['normalise', '--batch'], t.io)).toBe(0);
    expect(t.out).toHaveLength(4);
    expect(t.out.slice(0, 3)).toEqual([{ error: expect.any(String) }, { error: expect.any(String) }, { error: expect.any(String) }]);
    expect(t.out[3]).toMatchObject({ matches: [{ entry: 'drug.warfarin', how: 'sound-alike' }] });
  });

  it('When run without --batch, then it normalises its arguments; with none, it prints usage and exits 2', async () => {
    const t = io();
    expect(await runNormalise(['柏金遜'], t.io)).toBe(0);
    expect(t.out).toEqual([{ matches: [{ entry: 'dx.parkinsons-disease', canonical: "Parkinson's disease", how: 'exact', score: 1 }] }]);
    const none = io();
    expect(await runNormalise([], none.io)).toBe(2);
    expect(none.out).toEqual([]);
    expect(none.err.join('')).toContain('Usage');
  });
});
