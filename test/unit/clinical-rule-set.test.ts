import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildInteractionRuleSet } from '../../src/domain/clinical/interaction-rule-set.js';
import { CLINICAL_CONFIG_DIR, lazyInteractionRuleSet, loadInteractionRuleSet } from '../../src/domain/clinical/interaction-rules-loader.js';
import { isDomainError } from '../../src/shared/errors.js';

const classesText = readFileSync(join(CLINICAL_CONFIG_DIR, 'interaction-classes.json'), 'utf8');
const rulesText = readFileSync(join(CLINICAL_CONFIG_DIR, 'interaction-rules.json'), 'utf8');

/**
 * PMIDs checked by a person against PubMed. A citation with any other PMID fails here: add it to this
 * list only after checking the article on PubMed (an invented reference must never ship).
 */
const CHECKED_PMIDS = new Set(['22539083']);

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(isDomainError(e) && e.code === 'config.invalid').toBe(true);
    return (e as Error).message;
  }
  throw new Error('expected the rule set to be refused');
}

function editedRules(edit: (file: { version: string; rules: Array<Record<string, unknown>> }) => void): string {
  const file = JSON.parse(rulesText) as { version: string; rules: Array<Record<string, unknown>> };
  edit(file);
  return JSON.stringify(file);
}

describe('the shipped interaction rule set', () => {
  const set = loadInteractionRuleSet();

  it('When loaded, then it has a version, a content hash and rules covering all 15 ONC high-priority classes', () => {
    expect(set.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(set.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(set.rules.map((r) => r.onc).filter((n) => n !== undefined))).toEqual(new Set(Array.from({ length: 15 }, (_, i) => i + 1)));
  });

  it('When read, then every rule is unreviewed, cites at least one source, and cites only checked PMIDs', () => {
    for (const rule of set.rules) {
      expect(rule.reviewed, rule.id).toBe(false);
      expect(rule.citations.length, rule.id).toBeGreaterThan(0);
      for (const c of rule.citations) if ('pmid' in c) expect(CHECKED_PMIDS.has(c.pmid), `${rule.id} cites PMID ${c.pmid}`).toBe(true);
    }
  });

  it('When a class names another class, then its members are expanded (anticoagulants hold warfarin, apixaban and heparin)', () => {
    const anticoagulants = set.classes.get('anticoagulants')!;
    for (const x of ['warfarin', 'apixaban', 'heparin']) expect(anticoagulants.has(x)).toBe(true);
    expect(set.classes.get('serotonergic-antidepressants')!.has('sertraline')).toBe(true);
  });

  it('When asked for a pair, then the order of the two ingredients does not matter and the most severe rule comes first', () => {
    const forward = set.rulesFor('pimozide', 'clarithromycin');
    expect(forward).toEqual(set.rulesFor('clarithromycin', 'pimozide'));
    expect(set.rules[forward[0]!]!.severity).toBe('contraindicated');
    expect(forward.map((i) => set.rules[i]!.id)).toContain('onc08-qt-qt');
    expect(set.rulesFor('citalopram', 'citalopram')).toEqual([]);
  });
});

describe('refusing a bad rule set', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('When a file is not JSON, then the load is refused naming the file', () => {
    expect(refusal(() => buildInteractionRuleSet(classesText, '{ "version": '))).toMatch(/interaction-rules\.json: not valid JSON/);
  });

  it('When a rule has an unknown severity, then the message names the field', () => {
    const text = editedRules((f) => (f.rules[0]!.severity = 'severe'));
    expect(refusal(() => buildInteractionRuleSet(classesText, text))).toMatch(/interaction-rules\.json: rules\.0\.severity/);
  });

  it('When a rule has no citation or a made-up field, then it is refused', () => {
    expect(refusal(() => buildInteractionRuleSet(classesText, editedRules((f) => (f.rules[1]!.citations = []))))).toMatch(/rules\.1\.citations/);
    expect(refusal(() => buildInteractionRuleSet(classesText, editedRules((f) => (f.rules[1]!.approvedBy = 'x'))))).toMatch(/rules\.1/);
  });

  it('When a rule names an unknown class, or two rules share an id, then it is refused', () => {
    expect(refusal(() => buildInteractionRuleSet(classesText, editedRules((f) => (f.rules[0]!.b = ['@no-such-class']))))).toMatch(/unknown class "@no-such-class"/);
    expect(refusal(() => buildInteractionRuleSet(classesText, editedRules((f) => (f.rules[1]!.id = f.rules[0]!.id))))).toMatch(/used twice/);
  });

  it('When classes refer to each other in a cycle, then it is refused', () => {
    const classes = JSON.stringify({ classes: { x: { label: 'xxx', members: ['@y'] }, y: { label: 'yyy', members: ['@x'] } } });
    const rules = JSON.stringify({ version: '1.0.0', rules: [{ ...(JSON.parse(rulesText) as { rules: object[] }).rules[0], a: ['@x'], b: ['warfarin'] }] });
    expect(refusal(() => buildInteractionRuleSet(classes, rules))).toMatch(/class cycle/);
  });

  it('When the folder has no rule files, then the lazy getter loads nothing until first used, and then refuses', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cb-clinical-'));
    dirs.push(dir);
    const get = lazyInteractionRuleSet(dir);
    expect(refusal(get)).toMatch(/cannot be read/);
    writeFileSync(join(dir, 'interaction-classes.json'), classesText);
    writeFileSync(join(dir, 'interaction-rules.json'), rulesText);
    expect(get().version).toBe(loadInteractionRuleSet().version);
    expect(get()).toBe(get());
  });

  it('When a rule text changes, then the hash changes; the same texts give the same hash', () => {
    const a = buildInteractionRuleSet(classesText, rulesText);
    const b = buildInteractionRuleSet(classesText, rulesText);
    const c = buildInteractionRuleSet(classesText, editedRules((f) => (f.rules[0]!.action = 'Changed action text.')));
    expect(a.hash).toBe(b.hash);
    expect(c.hash).not.toBe(a.hash);
  });
});
