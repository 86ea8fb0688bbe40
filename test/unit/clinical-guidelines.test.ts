import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GUIDELINES_FILE, createGuidelineLinks, parseGuidelines } from '../../src/domain/clinical/guidelines.js';
import { readLexiconFile } from '../../src/domain/clinical/lexicon-file.js';

const file = parseGuidelines(readFileSync(GUIDELINES_FILE, 'utf8'));

describe('guideline links (config/clinical/guidelines.json)', () => {
  it('every key is a lexicon entry id', () => {
    const ids = new Set(readLexiconFile().entries.map((e) => e.id));
    const unknown = Object.keys(file.links).filter((k) => !ids.has(k));
    expect(unknown).toEqual([]);
    expect(Object.keys(file.links).length).toBeGreaterThan(40);
  });

  it('every source is used, and a NICE link is the page of the reference it names', () => {
    const used = new Set(Object.values(file.links).flat());
    expect(Object.keys(file.sources).filter((s) => !used.has(s))).toEqual([]);
    for (const s of Object.values(file.sources)) {
      if (s.reference.startsWith('NICE ')) expect(s.url).toBe(`https://www.nice.org.uk/guidance/${s.reference.slice(5).toLowerCase()}`);
      if (s.kind !== 'guideline') expect(s.note, s.title).toBeTruthy();
    }
  });

  it('gives each guideline once for a list of entries, in the order first met', () => {
    const links = createGuidelineLinks();
    const got = links.forEntries(['drug.warfarin', 'dx.atrial-fibrillation', 'sx.chest-pain', 'dx.hypertension']);
    expect(got.map((g) => g.reference)).toEqual(['NICE NG196', 'NICE NG158', 'NICE NG136']);
    expect(links.forEntries(['sx.no-such-entry'])).toEqual([]);
  });

  it('refuses a link to a source it does not list, and a plain-http URL', () => {
    const bad = { version: '1', about: '', sources: { a: { title: 't', url: 'http://x.org', publisher: 'p', reference: 'r', kind: 'guideline' } }, links: { 'dx.gout': ['b'] } };
    expect(() => parseGuidelines(JSON.stringify(bad))).toThrow(/guidelines.json refused/);
  });
});
