import { describe, expect, it } from 'vitest';
import { verifyProgress } from '../../src/cli/verify-progress.js';

describe('audit verify progress', () => {
  it('redraws one bar on a terminal, with entries and entries/s, and ends its line', () => {
    const out: string[] = [];
    let t = 0;
    const p = verifyProgress({ isTTY: true, write: (s) => out.push(s) }, () => t, { redrawMs: 100 });
    t = 50;
    p.tick(1000, 4000);
    t = 60;
    p.tick(2000, 4000); // too soon: not drawn
    t = 1000;
    p.tick(4000, 4000);
    p.done();
    expect(out).toHaveLength(3);
    expect(out[0]).toMatch(/^\r\[#{8}-{22}\] 25% 1,000 \/ 4,000 entries, 20,000 entries\/s$/);
    expect(out[1]).toMatch(/^\r\[#{30}\] 100% 4,000 \/ 4,000 entries, 4,000 entries\/s$/);
    expect(out[2]).toBe('\n');
  });

  it('writes a line now and then to a pipe or file, and always the last', () => {
    const out: string[] = [];
    let t = 0;
    const p = verifyProgress({ isTTY: false, write: (s) => out.push(s) }, () => t, { lineMs: 5000 });
    for (let done = 1000; done <= 10_000; done += 1000) {
      t += 1000;
      p.tick(done, 10_000);
    }
    p.done();
    expect(out).toEqual([
      'verify: 10% (1,000 / 10,000 entries, 1,000 entries/s)\n',
      'verify: 60% (6,000 / 10,000 entries, 1,000 entries/s)\n',
      'verify: 100% (10,000 / 10,000 entries, 1,000 entries/s)\n',
    ]);
  });
});
