import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLexicon, serialiseLexicon } from '../../../src/cli/clinical-lexicon-compile.js';
import { checkSources, readLexiconSources } from '../../../src/cli/clinical-lexicon-sources.js';
import { LEXICON_FILE, readLexiconFile } from '../../../src/domain/clinical/lexicon-file.js';

/** Every module a file imports, following relative imports through src (bare package names collected). */
function moduleGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g)) {
      const spec = m[1] ?? m[2] ?? m[3]!;
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec);
    }
  };
  visit(resolve(entry));
  return { files, packages };
}

describe('clinical lexicon build', () => {
  it('When the sources are checked, then ids, codes and variants are well formed', () => {
    expect(checkSources(readLexiconSources())).toEqual([]);
  });

  it('When the lexicon is rebuilt from the sources, then it equals the committed file (run npm run -s clinical:lexicon if not)', () => {
    const rebuilt = serialiseLexicon(compileLexicon(readLexiconSources()));
    expect(rebuilt === readFileSync(LEXICON_FILE, 'utf8'), 'config/clinical/lexicon.json is out of step with its sources').toBe(true);
  }, 120_000);

  it('When the lexicon is read, then it holds several hundred entries, with conversions and jyutping precomputed', () => {
    const file = readLexiconFile();
    expect(file.entries.length).toBeGreaterThan(400);
    const warfarin = file.entries.find((e) => e.id === 'drug.warfarin')!;
    expect(warfarin.sounds).toContain('waa faat lam');
    const pd = file.entries.find((e) => e.id === 'dx.parkinsons-disease')!;
    expect(pd.converted).toContain('柏金逊');
  });

  it('When the service or the CLI loads the normaliser, then neither opencc-js nor to-jyutping is in its module graph', () => {
    for (const entry of ['src/domain/clinical/clinical-normaliser.ts', 'src/cli/clinical-normalise.ts', 'src/cli/clinical-eval-normaliser.ts']) {
      const { files, packages } = moduleGraph(entry);
      expect(files.size).toBeGreaterThan(3);
      expect([...packages].filter((p) => /opencc|jyutping/.test(p)), entry).toEqual([]);
      expect([...files].filter((f) => f.includes(join('cli', 'clinical-lexicon'))), entry).toEqual([]);
    }
    // The check itself sees the libraries where they are used: the build.
    expect([...moduleGraph('src/cli/clinical-lexicon.ts').packages]).toEqual(expect.arrayContaining(['opencc-js', 'to-jyutping']));
  });
});
