import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findPhi } from '../../src/dingtalk/phi-guard.js';
import { containsHkid, hkidCheckChar, normaliseHkid } from '../../src/shared/hkid.js';

/**
 * HKIDs as Hong Kong actually types them: full-width (a Chinese IME), square or CJK brackets, spaces,
 * hyphens, Chinese text around. Generated from the check-digit rule, so the same spellings with a wrong
 * check character are the control group: the guard must flag exactly what the rule says.
 */
const FULL = (s: string) => s.replace(/[A-Za-z0-9()[\]\- ]/g, (c) => (c === ' ' ? '\u3000' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
const BRACKETS: Array<[string, string]> = [['(', ')'], ['[', ']'], ['（', '）'], ['［', '］'], ['【', '】'], ['', '']];
const SEPS = ['', ' ', '-', '\u3000', '－'];
const AROUND: Array<[string, string]> = [
  ['', ''], ['pt ', ' in bed 4'], ['病人', '入院'], ['身份證：', '。'], ['病人 ', ' 已轉介'], ['case C-7KQ2M pt ', ''], ['「', '」'],
  ['HKID: ', ', DOB 1960-01-01'], ['(', ')'], ['請看 ', '，謝謝'],
];
const CHECKS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A'];

const hkidParts = fc.record({
  letters: fc.stringMatching(/^[A-Z]{1,2}$/),
  digits: fc.stringMatching(/^\d{6}$/),
  lower: fc.boolean(),
  width: fc.constantFrom('half', 'full', 'mixed'),
  bracket: fc.constantFrom(...BRACKETS),
  sep1: fc.constantFrom(...SEPS),
  sep2: fc.constantFrom(...SEPS),
  around: fc.constantFrom(...AROUND),
  zeroWidth: fc.boolean(),
});
type Parts = typeof hkidParts extends fc.Arbitrary<infer T> ? T : never;

function spell(p: Parts, check: string): string {
  const letters = p.lower ? p.letters.toLowerCase() : p.letters;
  // A bare spelling (no brackets) with a separator before the check character is what people type as
  // "A123456 3"; the full spelling keeps its brackets.
  let id = `${letters}${p.sep1}${p.digits}${p.sep2}${p.bracket[0]}${check}${p.bracket[1]}`;
  if (p.width === 'full') id = FULL(id);
  if (p.width === 'mixed') id = `${FULL(letters)}${p.sep1}${p.digits}${p.sep2}${p.bracket[0]}${FULL(check)}${p.bracket[1]}`;
  if (p.zeroWidth) id = id.replace(/(\d)(\d)/, '$1\u200b$2');
  return `${p.around[0]}${id}${p.around[1]}`;
}

describe('HKID as Hong Kong types it', () => {
  it('When an HKID is typed full-width with full-width brackets, then it is found and normalised', () => {
    expect(containsHkid('@ConsultBridge case C-7KQ2M pt Ａ１２３４５６（３）')).toBe(true);
    expect(normaliseHkid('Ａ１２３４５６（３）')).toBe('A123456(3)');
    expect(containsHkid('pt A123456[3]')).toBe(true);
    expect(containsHkid('病人A123456【3】入院')).toBe(true);
    expect(containsHkid('pt A 123456 - 3')).toBe(true);
    expect(containsHkid('pt Ａ１２３４５６（４）')).toBe(false);
  });

  it('When a valid HKID is generated in any spelling, then the inbound check and the outbound guard flag it', () => {
    fc.assert(
      fc.property(hkidParts, (p) => {
        const text = spell(p, hkidCheckChar(p.letters, p.digits));
        expect(containsHkid(text), text).toBe(true);
        expect(findPhi({ msgParam: JSON.stringify({ text }) }), text).toBe('hkid');
      }),
      { numRuns: 3000 },
    );
  });

  it('When the same spellings carry a wrong check character, then nothing is flagged', () => {
    fc.assert(
      fc.property(hkidParts, fc.integer({ min: 1, max: 10 }), (p, shift) => {
        const valid = hkidCheckChar(p.letters, p.digits);
        const wrong = CHECKS[(CHECKS.indexOf(valid) + shift) % CHECKS.length]!;
        const text = spell(p, wrong);
        expect(containsHkid(text), text).toBe(false);
        expect(findPhi({ text }), text).toBeNull();
      }),
      { numRuns: 3000 },
    );
  });

  it('When a valid HKID is written as an id fragment (UUID-like runs), then it is not mistaken for one', () => {
    fc.assert(
      fc.property(fc.uuid(), (id) => {
        expect(containsHkid(id)).toBe(false);
        expect(containsHkid(FULL(id))).toBe(false);
      }),
      { numRuns: 3000 },
    );
    expect(containsHkid('doc-a1234563-77')).toBe(false);
    expect(containsHkid('ｄｏｃ－ａ１２３４５６３－７７')).toBe(false);
  });
});
