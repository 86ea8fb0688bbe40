import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every file under `dir` ending in one of `exts`. */
function files(dir: string, exts: string[]): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name), exts) : exts.some((x) => e.name.endsWith(x)) ? [join(dir, e.name)] : [],
  );
}

const importsOf = (text: string) => [...text.matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s+'([^']+)'/gm)].map((m) => ({ typeOnly: Boolean(m[2]), from: m[3]! }));

/**
 * Issue 10, item 5: the API's shapes have one source (src/contract), shared by the server and the
 * mini-app. The contract reaches nothing server-side, and the mini-app takes its types only, so no
 * server code (and not even zod) can end up in the phone bundle.
 */
describe('the API contract stays a leaf both builds can share', () => {
  it('src/contract imports zod and itself only', () => {
    const bad = files('src/contract', ['.ts']).flatMap((f) =>
      importsOf(readFileSync(f, 'utf8'))
        .filter((i) => i.from !== 'zod' && !/^\.\/[a-z-]+\.js$/.test(i.from))
        .map((i) => `${f}: ${i.from}`),
    );
    expect(bad).toEqual([]);
  });

  it('the mini-app imports the contract with `import type` only, and nothing else of the server', () => {
    const all = files('miniapp/src', ['.ts', '.tsx']).flatMap((f) => importsOf(readFileSync(f, 'utf8')).map((i) => ({ f, ...i })));
    const server = all.filter((i) => /(\.\.\/)+src\//.test(i.from));
    expect(server.length).toBeGreaterThan(5);
    expect(server.filter((i) => !i.typeOnly || !/(\.\.\/)+src\/contract\/[a-z-]+\.js$/.test(i.from)).map((i) => `${i.f}: ${i.from}`)).toEqual([]);
  });
});
