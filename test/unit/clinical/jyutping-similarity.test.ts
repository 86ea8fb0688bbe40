import { describe, expect, it } from 'vitest';
import { parseSyllable, similarityCache, syllableSimilarity, type Syllable } from '../../../src/domain/clinical/jyutping-similarity.js';
import { sequenceScore } from '../../../src/domain/clinical/sound-scan.js';

const syl = (s: string): Syllable => {
  const p = parseSyllable(s);
  if (!p) throw new Error(`not a syllable: ${s}`);
  return p;
};
const heard = (text: string): Syllable[][] => text.split(' ').map((s) => [syl(s)]);
const term = (text: string): Syllable[] => text.split(' ').map(syl);

describe('jyutping similarity', () => {
  it('When a syllable is parsed, then initial, nucleus and coda come apart', () => {
    expect(parseSyllable('gwong')).toEqual({ initial: 'gw', nucleus: 'o', coda: 'ng' });
    expect(parseSyllable('seon')).toEqual({ initial: 's', nucleus: 'eo', coda: 'n' });
    expect(parseSyllable('ng')).toEqual({ initial: '', nucleus: 'ng', coda: '' });
    expect(parseSyllable('aa')).toEqual({ initial: '', nucleus: 'aa', coda: '' });
    expect(parseSyllable('xyz')).toBeUndefined();
  });

  it('When syllables are near (ling/lam, seon/sam, baak/paak, n/l), then they count partly; the same counts 1', () => {
    expect(syllableSimilarity(syl('lam'), syl('lam'))).toBe(1);
    for (const [a, b] of [['ling', 'lam'], ['seon', 'sam'], ['baak', 'paak'], ['nei', 'lei']] as const) {
      const s = syllableSimilarity(syl(a), syl(b));
      expect(s, `${a}/${b}`).toBeGreaterThan(0.4);
      expect(s, `${a}/${b}`).toBeLessThan(1);
    }
    expect(syllableSimilarity(syl('baak'), syl('paak'))).toBeGreaterThan(syllableSimilarity(syl('ling'), syl('lam')));
    expect(syllableSimilarity(syl('zoeng'), syl('fu'))).toBeLessThan(0.2);
  });

  it('When similarities of interned syllables are cached, then they equal the computed ones', () => {
    const list = ['lam', 'ling', 'seon', 'sam'].map(syl);
    const sim = similarityCache(list);
    expect(sim(0, 1)).toBe(syllableSimilarity(list[0]!, list[1]!));
    expect(sim(0, 1)).toBe(sim(0, 1));
    expect(sim(2, 2)).toBe(1);
  });

  it('When 华法令 is heard for 華法林 (ling against lam), then it still matches, below 1', () => {
    const score = sequenceScore(heard('waa faat ling'), term('waa faat lam'));
    expect(score).toBeGreaterThan(0.7);
    expect(score).toBeLessThan(1);
  });

  it('When 帕金森 is compared with 柏金遜 (sam against seon, and 柏 read baak or paak), then it matches, below 1', () => {
    for (const heardAs of ['paak gam sam', 'baak gam sam']) {
      const score = sequenceScore(heard(heardAs), term('paak gam seon'));
      expect(score, heardAs).toBeGreaterThan(0.7);
      expect(score, heardAs).toBeLessThan(1);
    }
  });

  it('When a three-syllable word has two syllables only partly alike, then it does not match (a transcript gets one wrong, not each a little)', () => {
    expect(sequenceScore(heard('bok syut jyun'), term('bok hyut jyun'))).toBeGreaterThan(0.8);
    expect(sequenceScore(heard('bok syut jin'), term('bok hyut jyun'))).toBeUndefined();
    expect(sequenceScore(heard('go zi faan'), term('lo si fan'))).toBeUndefined();
    // 護士長 is not 芐絲肼: coeng shares neither initial nor final with zeng.
    expect(sequenceScore(heard('wu si coeng'), term('wu si zeng'))).toBeUndefined();
  });

  it('When a character has another reading, then that reading counts, a little less than the usual one', () => {
    const usualOnly = sequenceScore([[syl('gaa')], [syl('hei')], [syl('gam')]], term('ce hei gam'));
    const withOther = sequenceScore([[syl('gaa'), syl('ce')], [syl('hei')], [syl('gam')]], term('ce hei gam'));
    expect(usualOnly).toBeUndefined();
    expect(withOther).toBeGreaterThan(0.8);
    expect(withOther).toBeLessThan(0.95);
    // …but it is never the term's own syllable: most syllables must be by the usual reading.
    expect(sequenceScore([[syl('gaa'), syl('ce')], [syl('gaa'), syl('hei')], [syl('gam')]], term('ce hei gam'))).toBeUndefined();
  });

  it('When the syllables are the same, then the score is 0.95: a sound-alike never looks exact', () => {
    expect(sequenceScore(heard('bok hyut jyun'), term('bok hyut jyun'))).toBe(0.95);
  });

  it('When one syllable is far off, or a two-syllable word is only near, then there is no match', () => {
    expect(sequenceScore(heard('waa zoeng lam'), term('waa faat lam'))).toBeUndefined();
    expect(sequenceScore(heard('tung fung'), term('tung fung'))).toBe(0.95);
    expect(sequenceScore(heard('tung fan'), term('tung fung'))).toBeUndefined();
    expect(sequenceScore(heard('tung'), term('tung'))).toBeUndefined();
  });
});
