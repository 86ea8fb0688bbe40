import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
 * mini-app. The contract reaches nothing server-side, and the mini-app takes its types, plus the
 * values of leaf word tables (issue 12: one table of words for both builds), so no server code (and
 * not even zod) can end up in the phone bundle.
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

  it('the mini-app takes types from the contract, and values only from leaf tables of src/contract or src/shared', () => {
    const all = files('miniapp/src', ['.ts', '.tsx']).flatMap((f) => importsOf(readFileSync(f, 'utf8')).map((i) => ({ f, ...i })));
    const server = all.filter((i) => /(\.\.\/)+src\//.test(i.from));
    expect(server.length).toBeGreaterThan(5);
    const target = (i: { f: string; from: string }) => join(dirname(i.f), i.from).replace(/\.js$/, '.ts');
    // A value import is bundled into the phone app: it must be a word or choice table with no runtime
    // imports of its own (type-only imports are erased), so no server code or zod can follow it in.
    const leaf = (file: string) => importsOf(readFileSync(file, 'utf8')).every((i) => i.typeOnly);
    const bad = server.filter((i) =>
      i.typeOnly ? !/(\.\.\/)+src\/contract\/[a-z-]+\.js$/.test(i.from) : !/(\.\.\/)+src\/(contract|shared)\/[a-z-]+\.js$/.test(i.from) || !leaf(target(i)),
    );
    expect(bad.map((i) => `${i.f}: ${i.from}`)).toEqual([]);
    // The rule bites: a table with a runtime import is not a leaf.
    expect(leaf('src/contract/doctor.ts')).toBe(false);
  });
});
