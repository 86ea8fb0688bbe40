import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLayering, describeAllowed, describeViolation } from '../architecture/layering.js';

/** The layering rules of issue 10 item 6 (.dependency-cruiser.cjs), and the 300-line cap. */
describe('architecture', () => {
  it('breaks no layering rule beyond the shrinking allowlist, and the allowlist has no stale entry', async () => {
    const report = await checkLayering();
    const problems = [
      ...report.fresh.map((v) => `NEW ${describeViolation(v)}`),
      ...report.stale.map((a) => `STALE (no longer occurs: delete it from config/architecture-allowlist.json) ${describeAllowed(a)}`),
    ];
    expect(report.modules).toBeGreaterThan(100);
    expect(problems, problems.join('\n')).toEqual([]);
  }, 60_000);

  it('keeps wiring in src/compose: the top of src holds only the entry point', () => {
    const top = readdirSync('src', { withFileTypes: true }).filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name)).map((e) => e.name);
    expect(top).toEqual(['main.ts']);
  });

  it('has no source file over 300 lines', () => {
    const long = sourceFiles('src')
      .map((file) => ({ file, lines: readFileSync(file, 'utf8').split('\n').length - 1 }))
      .filter((f) => f.lines > 300)
      .map((f) => `${f.file}: ${f.lines} lines`);
    expect(long, long.join('\n')).toEqual([]);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(e.name) ? [path] : [];
  });
}
