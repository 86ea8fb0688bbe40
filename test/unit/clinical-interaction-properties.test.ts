import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createInteractionChecker, type CaseProduct, type InteractionCheckResult } from '../../src/domain/clinical/interaction-checker.js';
import { SEVERITY_RANK } from '../../src/domain/clinical/interaction-rule-schema.js';
import { loadInteractionRuleSet } from '../../src/domain/clinical/interaction-rules-loader.js';
import { product } from './clinical-fixtures.js';

const set = loadInteractionRuleSet();
const checker = createInteractionChecker(() => set);
const ingredients = [...set.ingredients];
/** Ingredients of the rule set plus a few it does not know. */
const ingredientArb = fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...ingredients) }, { weight: 1, arbitrary: fc.constantFrom('amoxicillin', 'metformin', 'insulin glargine') });
const productArb: fc.Arbitrary<CaseProduct> = fc
  .record({
    ingredients: fc.option(fc.uniqueArray(ingredientArb, { minLength: 1, maxLength: 3 }), { nil: undefined, freq: 8 }),
    prescriber: fc.constantFrom('dr-a', 'dr-b', 'dr-c'),
    n: fc.nat(999),
  })
  .map(({ ingredients: ing, prescriber, n }) => product(`p${n}`, ing, prescriber));

/** What a result says, independent of the order of the products (duplicates may keep either name). */
function summary(r: InteractionCheckResult): string[] {
  return r.alerts.map((a) => `${a.rule}|${[...a.ingredients].sort().join('|')}|${a.severity}|${a.crossPrescriber}`).sort();
}

function expand(side: readonly string[]): string[] {
  return side.flatMap((m) => (m.startsWith('@') ? [...set.classes.get(m.slice(1))!] : [m]));
}

describe('interaction checker properties', () => {
  it('Symmetry: any order of the products gives the same alerts and unresolved names', () => {
    fc.assert(
      fc.property(fc.array(productArb, { maxLength: 12 }), fc.integer(), (products, seed) => {
        const shuffled = fc.sample(fc.shuffledSubarray(products, { minLength: products.length, maxLength: products.length }), { seed, numRuns: 1 })[0]!;
        const a = checker.check(products);
        const b = checker.check(shuffled);
        expect(summary(b)).toEqual(summary(a));
        expect([...b.unresolved].sort()).toEqual([...a.unresolved].sort());
      }),
      { numRuns: 300 },
    );
  });

  it('Symmetry of a pair: swapping two products gives the same rule, severity and ingredients (swapped)', () => {
    fc.assert(
      fc.property(productArb, productArb, (p, q) => {
        const [ab] = checker.check([p, q]).alerts;
        const [ba] = checker.check([q, p]).alerts;
        expect(ba?.rule).toEqual(ab?.rule);
        if (ab && ba) expect([...ba.ingredients].reverse()).toEqual([...ab.ingredients]);
      }),
      { numRuns: 500 },
    );
  });

  it('Co-formulation: the ingredients of one product are never checked against each other', () => {
    fc.assert(
      fc.property(fc.uniqueArray(ingredientArb, { minLength: 2, maxLength: 8 }), (ing) => {
        expect(checker.check([product('combination', ing)]).alerts).toEqual([]);
      }),
      { numRuns: 300 },
    );
    // Every rule's own pairs, put in one product: still no alert.
    for (const rule of set.rules) {
      const [x] = expand(rule.a);
      const y = expand(rule.b).find((m) => m !== x)!;
      expect(checker.check([product('combo', [x!, y])]).alerts, rule.id).toEqual([]);
    }
  });

  it('Class expansion: any member of one side with any member of the other side raises that rule or a more severe one', () => {
    const ruleArb = fc.constantFrom(...set.rules.map((_, i) => i));
    fc.assert(
      fc.property(ruleArb, fc.nat(), fc.nat(), (i, m, n) => {
        const rule = set.rules[i]!;
        const a = expand(rule.a);
        const b = expand(rule.b);
        const x = a[m % a.length]!;
        const y = b[n % b.length]!;
        fc.pre(x !== y);
        const [alert] = checker.check([product(x, [x]), product(y, [y])]).alerts;
        expect(alert, `${rule.id}: ${x} + ${y}`).toBeDefined();
        expect(SEVERITY_RANK[alert!.severity]).toBeGreaterThanOrEqual(SEVERITY_RANK[rule.severity]);
        expect([alert!.rule, ...alert!.otherRules]).toContain(rule.id);
      }),
      { numRuns: 1000 },
    );
  });

  it('Every alert is backed by a rule covering its two ingredients, and no pair of products gets two alerts', () => {
    fc.assert(
      fc.property(fc.array(productArb, { maxLength: 10 }), (products) => {
        const { alerts } = checker.check(products);
        const pairs = new Set<string>();
        for (const a of alerts) {
          const covering = set.rulesFor(a.ingredients[0], a.ingredients[1]).map((r) => set.rules[r]!.id);
          expect(covering).toContain(a.rule);
          const key = a.products.join('-');
          expect(pairs.has(key)).toBe(false);
          pairs.add(key);
          expect(a.products[0]).toBeLessThan(a.products[1]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
